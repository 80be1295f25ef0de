import { inflateSync } from 'node:zlib';
import { crc32, ICON_SIZES, renderIcon } from '../../scripts/icons';

/** Minimal PNG decoder for what encodePng writes: returns size and RGBA rows, verifying every chunk CRC. */
function decode(png: Buffer): { width: number; height: number; px: (x: number, y: number) => number[] } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let off = 8;
  let width = 0, height = 0;
  const idat: Buffer[] = [];
  while (off < png.length) {
    const len = png.readUInt32BE(off);
    const type = png.toString('ascii', off + 4, off + 8);
    const data = png.subarray(off + 8, off + 8 + len);
    expect(png.readUInt32BE(off + 8 + len)).toBe(crc32(png.subarray(off + 4, off + 8 + len)));
    if (type === 'IHDR') { width = data.readUInt32BE(0); height = data.readUInt32BE(4); expect(data[9]).toBe(6); }
    if (type === 'IDAT') idat.push(data);
    off += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  expect(raw.length).toBe((width * 4 + 1) * height);
  return { width, height, px: (x, y) => [...raw.subarray(y * (width * 4 + 1) + 1 + x * 4, y * (width * 4 + 1) + 1 + x * 4 + 4)] };
}

describe('scripts/icons', () => {
  test('crc32 matches the PNG/zlib reference value', () => {
    expect(crc32(Buffer.from('IEND', 'ascii'))).toBe(0xae426082);
  });

  test.each(ICON_SIZES)('%i px icon is a valid PNG of that size: green tile, transparent corners, white card', (size) => {
    const { width, height, px } = decode(renderIcon(size));
    expect([width, height]).toEqual([size, size]);
    expect(px(0, 0)[3]).toBeLessThan(128); // rounded corner
    const edge = px(Math.floor(size / 2), Math.max(1, Math.floor(size * 0.08)));
    expect(edge).toEqual([16, 124, 65, 255]);
    const card = px(Math.floor(size * 0.65), Math.floor(size * 0.7));
    expect(card.slice(0, 3)).toEqual([255, 255, 255]);
  });
});
