/** Generates the add-in's 16/32/64/80 px PNG icons (no binary is committed): `node -r tsx/cjs scripts/icons.ts [dir]`. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

/** The icon sizes the manifest references. */
// 16/32/80: ribbon buttons; 32 and 64: the add-in's IconUrl and HighResolutionIconUrl (64×64 for a task pane add-in).
export const ICON_SIZES = [16, 32, 64, 80] as const;

type Rgba = [number, number, number, number];

const GREEN: Rgba = [16, 124, 65, 255]; // Excel's brand green, so the group sits at home on the ribbon
const WHITE: Rgba = [255, 255, 255, 255];
const BAND: Rgba = [200, 230, 212, 255];

/** Inside test for a rounded rectangle in unit coordinates. */
function inRoundRect(x: number, y: number, x0: number, y0: number, x1: number, y1: number, r: number): boolean {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** Colour of the design at a point in unit coordinates (0..1), or null outside the tile. */
function shade(x: number, y: number): Rgba | null {
  if (!inRoundRect(x, y, 0, 0, 1, 1, 0.2)) return null;
  const inCard = inRoundRect(x, y, 0.2, 0.2, 0.8, 0.8, 0.05);
  if (!inCard) return GREEN;
  const line = 0.045;
  // a little register: header band, two row rules and one column rule
  if (y < 0.38) return BAND;
  if (Math.abs(y - 0.38) < line / 2 || Math.abs(y - 0.59) < line / 2) return GREEN;
  if (Math.abs(x - 0.42) < line / 2) return GREEN;
  return WHITE;
}

/** RGBA pixels of one icon, 4×4 supersampled so small sizes stay crisp but not jagged. */
export function renderPixels(size: number): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const ss = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = shade((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size);
          if (!c) continue;
          r += c[0] * c[3]; g += c[1] * c[3]; b += c[2] * c[3]; a += c[3];
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        out[o] = Math.round(r / a); out[o + 1] = Math.round(g / a); out[o + 2] = Math.round(b / a);
      }
      out[o + 3] = Math.round(a / (ss * ss));
    }
  }
  return out;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 as PNG chunks need it. */
export function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encodes RGBA pixels as a PNG (8-bit RGBA, filter 0, zlib). */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** One icon as PNG bytes. */
export function renderIcon(size: number): Buffer {
  return encodePng(size, size, renderPixels(size));
}

/** Writes icon-16.png, icon-32.png, icon-64.png and icon-80.png into `dir`; returns the paths. */
export function writeIcons(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return ICON_SIZES.map((size) => {
    const file = join(dir, `icon-${size}.png`);
    writeFileSync(file, renderIcon(size));
    return file;
  });
}

if (require.main === module) {
  const dir = process.argv[2] ?? join(__dirname, '..', 'addin', 'dist', 'assets');
  for (const f of writeIcons(dir)) process.stdout.write(`已生成图标 ${f}\n`);
}
