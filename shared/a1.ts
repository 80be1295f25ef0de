/** A1 address math: column letters ⇄ 0-based indexes, the one place that does it. */

/** 0 → A, 25 → Z, 26 → AA. */
export function colLetter(index: number): string {
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`bad column index ${index}`);
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A → 0, Z → 25, AA → 26 (case-insensitive). */
export function colIndex(letters: string): number {
  if (!/^[A-Za-z]+$/.test(letters)) throw new RangeError(`bad column letters ${letters}`);
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** (row 1-based, col 0-based) → `B7`. */
export function address(row: number, col: number): string {
  return `${colLetter(col)}${row}`;
}

/** `B7` → { row: 7, col: 1 }. */
export function parseAddress(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(a1.trim());
  if (!m) throw new RangeError(`bad address ${a1}`);
  return { row: Number(m[2]), col: colIndex(m[1]) };
}

/** A rectangular range `A1:C3` from 1-based rows and 0-based columns. */
export function rangeAddress(r1: number, c1: number, r2: number, c2: number): string {
  const a = address(r1, c1);
  const b = address(r2, c2);
  return a === b ? a : `${a}:${b}`;
}
