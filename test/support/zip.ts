/**
 * Hand-rolled zip archives for the zip-bomb tests: entries whose declared sizes may lie, and huge but cheap
 * deflate streams (one sync-flushed chunk repeated), so a "200 MB" entry costs a few hundred KB and no CPU.
 */
import { crc32, deflateRawSync, constants } from 'node:zlib';

/** One entry: its name, its raw deflate data, and the sizes/crc its headers claim. */
export interface ZipEntry {
  name: string;
  deflated: Buffer;
  size: number;
  crc: number;
}

/** A stored-as-deflate entry with honest headers. */
export function entry(name: string, data: Buffer | string): ZipEntry {
  const buf = Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8');
  return { name, deflated: deflateRawSync(buf), size: buf.length, crc: crc32(buf) };
}

/** An entry of `unit` repeated `times` times, deflated cheaply (the crc is not computed: yauzl does not check it). */
export function repeatedEntry(name: string, unit: string, times: number, head = '', tail = ''): ZipEntry {
  const unitBuf = Buffer.from(unit, 'utf8');
  const per = Math.max(1, Math.floor((1 << 20) / unitBuf.length));
  const block = Buffer.alloc(unitBuf.length * per);
  for (let i = 0; i < per; i++) unitBuf.copy(block, i * unitBuf.length);
  const flushed = deflateRawSync(block, { finishFlush: constants.Z_SYNC_FLUSH });
  const chunks = Math.floor(times / per);
  const rest = Buffer.concat([Buffer.alloc(unitBuf.length * (times - chunks * per), unit), Buffer.from(tail)]);
  const parts = [deflateRawSync(Buffer.from(head), { finishFlush: constants.Z_SYNC_FLUSH })];
  for (let i = 0; i < chunks; i++) parts.push(flushed);
  parts.push(deflateRawSync(rest));
  return { name, deflated: Buffer.concat(parts), size: Buffer.byteLength(head) + block.length * chunks + rest.length, crc: 0 };
}

/** A zip archive of the entries. */
export function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(Math.min(e.size, 0xfffffffe), 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, e.deflated);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.deflated.length, 20);
    central.writeUInt32LE(Math.min(e.size, 0xfffffffe), 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + e.deflated.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** The minimal package parts around worksheet XML, so the archive looks like an .xlsx. */
export function xlsxParts(sheet: ZipEntry): ZipEntry[] {
  return [
    entry('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'),
    entry('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    entry('xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    entry('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
    sheet,
  ];
}
