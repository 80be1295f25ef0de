/**
 * Fuzzing the reader: valid workbooks (generated part by part) have their XML and their zip bytes mutated at random
 * by fast-check; whatever comes out, the reader ends within bounded time and memory with either a grid of plain
 * cells or an XlsxError in Chinese naming the file — never a crash, a hang or an engine's English message.
 */
import fc from 'fast-check';
import { readWorkbook, XlsxError } from '../../../server/xlsx/read';
import { bookParts, packParts, styles, worksheet, MAIN_NS } from '../../support/ooxml';

const LIMITS = { maxCells: 200_000, maxUncompressed: 20 * 1024 * 1024, maxEntries: 100, maxArea: 2_000_000, maxTextChars: 5_000_000 };

function base(): Record<string, string | Buffer> {
  const is = (ref: string, t: string) => `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${t}</t></is></c>`;
  const rows =
    `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>${is('D1', '日期')}</row>` +
    `<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2"><v>42.5</v></c><c r="C2" t="b"><v>1</v></c><c r="D2" s="1"><v>45731</v></c></row>` +
    `<row r="3">${is('A3', '李 娜&amp;王&#x4E94;')}<c r="B3" t="e"><v>#N/A</v></c><c r="C3" t="str"><f>A3</f><v>x</v></c><c r="D3" t="d"><v>2025-03-15</v></c></row>`;
  const merges = '<mergeCells count="1"><mergeCell ref="A2:A3"/></mergeCells>';
  const ss = `<sst xmlns="${MAIN_NS}"><si><t>教师</t></si><si><r><t>题</t></r><r><t>目</t></r></si><si><t>级别</t><rPh sb="0" eb="1"><t>き</t></rPh></si><si><t><![CDATA[张伟]]></t></si></sst>`;
  return bookParts({ shared: ss, styles: styles([0, 14]), date1904: true, sheets: [{ name: '论文', xml: worksheet(rows, merges) }, { name: '图表', type: 'chartsheet', xml: `<chartsheet xmlns="${MAIN_NS}"/>` }] });
}

const PIECES = ['<', '>', '/>', '"', "'", '&', '&#0;', '&#x110000;', '&bogus;', '</c>', '</row>', '<row r="1048577">', '<c r="XFD1">', ' r="ZZZ9"', 't="s"', '<v>999999</v>', '<![CDATA[', ']]>', '<!--', '-->', '_x0001_', '\r', '\r\n', '\u0000', '\uFFFF', '\uD800', '中', '<?xml version="1.0" encoding="UTF-16"?>', '<!DOCTYPE x [<!ENTITY a "b">]>', 'xmlns:x="y"', '<x:row>', '<mergeCell ref="A1:XFD1048576"/>', '<si/>'];

type Edit = { at: number; del: number; insert: string };
const editArb = fc.record({ at: fc.nat(), del: fc.nat({ max: 40 }), insert: fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 12 }), fc.constant('')) });

function applyEdits(text: string, edits: Edit[]): string {
  let s = text;
  for (const e of edits) {
    const at = s.length ? e.at % (s.length + 1) : 0;
    s = s.slice(0, at) + e.insert + s.slice(at + e.del);
  }
  return s;
}

function plainCell(v: unknown): boolean {
  return v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
}

const ENGLISH = /undefined|Cannot|Invalid|Error:|TypeError|RangeError|null|is not|Unexpected/;

/** Reads `buf`; asserts it gave plain grids or a Chinese XlsxError naming the file. */
async function readsSafely(buf: Buffer): Promise<void> {
  const heapBefore = process.memoryUsage().heapUsed;
  const start = Date.now();
  try {
    const sheets = await readWorkbook(buf, '模糊.xlsx', LIMITS);
    for (const s of sheets) {
      expect(typeof s.sheet).toBe('string');
      for (const row of s.grid) {
        expect(Array.isArray(row)).toBe(true);
        for (const v of row) expect(plainCell(v)).toBe(true);
      }
    }
  } catch (e) {
    expect(e).toBeInstanceOf(XlsxError);
    // Every refusal is one the reader anticipated: an unanticipated exception (a bug) would carry its cause.
    expect((e as Error).cause).toBeUndefined();
    const msg = (e as Error).message;
    expect(msg.startsWith('“模糊.xlsx”')).toBe(true);
    expect(msg).toMatch(/[\u4e00-\u9fff]/);
    expect(msg).not.toMatch(ENGLISH);
  }
  // A hang detector and a leak detector, with room to spare: no mutated 4 KB file may take seconds or hold 200 MB.
  expect(Date.now() - start).toBeLessThan(10_000);
  expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(200 * 1024 * 1024);
}

describe('reader fuzzing', () => {
  const parts = base();
  const names = Object.keys(parts);

  test('the unmutated base reads, so mutations start from a valid workbook', async () => {
    const sheets = await readWorkbook(packParts(parts), '模糊.xlsx', LIMITS);
    expect(sheets.map((s) => s.sheet)).toEqual(['论文']);
    expect(sheets[0].grid[1]).toEqual(['张伟', 42.5, true, 45731 + 1462]);
  });

  test('mutated XML of any part', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), fc.array(editArb, { minLength: 1, maxLength: 6 }), async (name, edits) => {
        const mutated = { ...parts, [name]: applyEdits(String(parts[name]), edits) };
        await readsSafely(packParts(mutated));
      }),
      { numRuns: 400, seed: 20261130 },
    );
  });

  test('mutated zip bytes: flipped, cut and inserted', async () => {
    const packed = packParts(parts);
    const byteEdit = fc.record({ at: fc.nat(), kind: fc.constantFrom('flip', 'cut', 'insert', 'truncate'), value: fc.integer({ min: 0, max: 255 }), n: fc.integer({ min: 1, max: 64 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(byteEdit, { minLength: 1, maxLength: 4 }), async (edits) => {
        let b = Buffer.from(packed);
        for (const e of edits) {
          const at = e.at % b.length;
          if (e.kind === 'flip') b[at] ^= e.value || 1;
          else if (e.kind === 'cut') b = Buffer.concat([b.subarray(0, at), b.subarray(at + e.n)]);
          else if (e.kind === 'insert') b = Buffer.concat([b.subarray(0, at), Buffer.alloc(e.n, e.value), b.subarray(at)]);
          else b = b.subarray(0, at);
        }
        await readsSafely(b);
      }),
      { numRuns: 400, seed: 20261201 },
    );
  });
});
