/**
 * Rows grouped by a text key, for duplicate checks over 100k-row sheets.
 *
 * A Map from 100k distinct titles to rows costs about 100 ns an entry (hashing, growing, chasing pointers); this
 * open-addressing table of row numbers costs about a third of that, because it is sized once, stores plain integers,
 * and hashes each key while its characters are already at hand. Rows with the same key are chained, so the groups
 * that matter — keys seen more than once — come out without a second pass over the unique ones.
 */
export class KeyIndex {
  private readonly mask: number;
  /** Slot s: [2s] the first row with that key (-1 when free), [2s+1] the key's hash, compared before the text. */
  private readonly slots: Int32Array;
  /** Row → next row with the same key, or -1. */
  private readonly next: Int32Array;
  /** Row → last row of its chain (only meaningful for a chain's first row). */
  private readonly last: Int32Array;
  /** Row → its key (undefined when the row was not added). */
  private readonly keys: (string | undefined)[];
  /** First rows of chains that have more than one row. */
  private readonly repeated: number[] = [];

  /** An index for rows 0 … rows−1. */
  constructor(rows: number) {
    let size = 16;
    while (size < rows * 2) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size * 2).fill(-1);
    this.next = new Int32Array(Math.max(rows, 1)).fill(-1);
    this.last = new Int32Array(Math.max(rows, 1));
    this.keys = new Array(rows);
  }

  /** Files row i under a key. Rows must be added in increasing order. */
  add(key: string, i: number): void {
    const full = hash(key);
    let h = full & this.mask;
    for (;;) {
      const first = this.slots[2 * h];
      if (first < 0) {
        this.slots[2 * h] = i;
        this.slots[2 * h + 1] = full;
        this.keys[i] = key;
        this.last[i] = i;
        return;
      }
      if (this.slots[2 * h + 1] === full && this.keys[first] === key) {
        if (this.next[first] < 0) this.repeated.push(first);
        this.next[this.last[first]] = i;
        this.last[first] = i;
        this.keys[i] = key;
        return;
      }
      h = (h + 1) & this.mask;
    }
  }

  /** Every key held by more than one row, as the list of its rows in order. */
  *groups(): IterableIterator<number[]> {
    this.repeated.sort((a, b) => a - b);
    for (const first of this.repeated) {
      const rows: number[] = [];
      for (let i = first; i >= 0; i = this.next[i]) rows.push(i);
      yield rows;
    }
  }
}

/** FNV-1a over UTF-16 code units, with a final mix so that keys differing only in their last digits spread out. */
function hash(s: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 12);
}
