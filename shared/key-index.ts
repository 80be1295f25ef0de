/**
 * Rows grouped by a text key, for duplicate checks over 100k-row sheets.
 *
 * Nearly every title in a register is unique, so the work is to rule rows out cheaply. Each key is hashed (folding
 * case and spaces in the same pass) and marked in two small bit sets — seen once, seen again — that stay in the
 * processor's cache. Afterwards only rows whose mark was seen again (real repeats, plus about one row in twenty
 * that merely shares a bit) go into a Map, where equal keys are told apart exactly. A Map of all 100k distinct
 * titles, or any table with a slot per row, spends most of its time waiting on memory.
 */
import { changesInKey as changesInKeyImport, textKey } from './checks/unique';

// Imported helpers called for every character of every key, bound once here: tsx (how the CLI and the server run) compiles
// each use of an import to a property getter, a call each time that the add-in's single bundle does not make.
const changesInKey = changesInKeyImport;

/** Row indices grouped by key; see above. */
export class KeyIndex {
  private readonly hashes: Int32Array;
  private readonly keys: (string | undefined)[];
  private readonly once: Int32Array;
  private readonly again: Int32Array;
  private readonly mask: number;
  private size = 0;

  /** An index for rows 0 … rows−1. */
  constructor(rows: number) {
    let bits = 1024;
    while (bits < rows * 16 && bits < 1 << 24) bits *= 2;
    this.mask = bits - 1;
    this.once = new Int32Array(bits >>> 5);
    this.again = new Int32Array(bits >>> 5);
    this.hashes = new Int32Array(Math.max(rows, 1));
    this.keys = new Array(rows);
  }

  /** Files row i under the comparison key of a text (textKey), folding it only when it has something to fold. */
  addText(text: string, i: number): void {
    let h = 0x811c9dc5 | 0;
    for (let j = 0; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (changesInKey(c)) {
        this.add(textKey(text), i);
        return;
      }
      h = Math.imul(h ^ c, 0x01000193);
    }
    this.file(text, mix(h), i);
  }

  /** Files row i under a key. */
  add(key: string, i: number): void {
    let h = 0x811c9dc5 | 0;
    for (let j = 0; j < key.length; j++) h = Math.imul(h ^ key.charCodeAt(j), 0x01000193);
    this.file(key, mix(h), i);
  }

  private file(key: string, h: number, i: number): void {
    this.hashes[i] = h;
    this.keys[i] = key;
    if (i >= this.size) this.size = i + 1;
    const b = h & this.mask;
    const w = b >>> 5;
    const bit = 1 << (b & 31);
    if (this.once[w] & bit) this.again[w] |= bit;
    else this.once[w] |= bit;
  }

  /** Every key held by more than one row, as the list of its rows in order; lists ordered by their first row. */
  *groups(): IterableIterator<number[]> {
    const byKey = new Map<string, number[]>();
    const { hashes, again, keys, mask } = this;
    for (let i = 0; i < this.size; i++) {
      // The bit first: it rules out most rows without touching their keys.
      const b = hashes[i] & mask;
      if (!(again[b >>> 5] & (1 << (b & 31)))) continue;
      const key = keys[i];
      if (key === undefined) continue;
      const list = byKey.get(key);
      if (list) list.push(i);
      else byKey.set(key, [i]);
    }
    for (const list of byKey.values()) if (list.length > 1) yield list;
  }
}

/** The last step of FNV-1a over UTF-16 code units: a mix so that keys differing only in their last digits spread out. */
function mix(h: number): number {
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 12);
}
