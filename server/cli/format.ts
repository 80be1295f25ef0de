/** Terminal formatting for Chinese text: display width (CJK counts two columns) and padding. */

/** Display width of a string in a terminal. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000 ? 2 : 1;
  }
  return w;
}

/** Pads to a display width (truncating with … when longer). */
export function pad(s: string, width: number): string {
  let out = '';
  let w = 0;
  for (const ch of s) {
    const cw = displayWidth(ch);
    if (w + cw > width) {
      out = out.slice(0, -1) + '…';
      w = width;
      break;
    }
    out += ch;
    w += cw;
  }
  return out + ' '.repeat(Math.max(0, width - w));
}
