/**
 * The data rows of a validated sheet, held column by column.
 *
 * A 100k-row register is twelve arrays of values rather than 100k row objects: the checks read a column in one pass,
 * and the garbage collector has a dozen large arrays to keep instead of 200k small objects to copy between
 * generations. Row objects (NormRecord) are built from the columns only when somebody asks for them.
 */
import type { Value } from './checks/check';
import type { Cell, NormRecord } from './types';

/** A column of a field the sheet lacks: every row reads `undefined`. */
const ABSENT: readonly (Value | undefined)[] = Object.freeze([]);

/** The data rows of one sheet. */
export class Table {
  /** Number of data rows. */
  get length(): number {
    return this.rowNos.length;
  }

  constructor(
    /** Canonical field names, in the sheet's column order. */
    readonly fields: readonly string[],
    /** Normalised values by field: `columns[f][i]` is field f of data row i. */
    readonly columns: ReadonlyMap<string, readonly Value[]>,
    /** Excel row number of each data row. */
    readonly rowNos: readonly number[],
    /** The raw grid row of each data row, and the grid column index of each field. */
    private readonly cellRows: readonly (readonly Cell[])[],
    private readonly cellIndex: ReadonlyMap<string, number>,
  ) {}

  /** The normalised values of a field, one per data row (all `undefined` when the sheet has no such column). */
  values(field: string): readonly (Value | undefined)[] {
    return this.columns.get(field) ?? ABSENT;
  }

  /** The raw cell of a field in data row i (undefined when the column is absent). */
  cell(i: number, field: string): Cell {
    const c = this.cellIndex.get(field);
    return c === undefined ? undefined : this.cellRows[i][c];
  }

  /** Every data row as a record, fields in the sheet's column order. */
  records(): NormRecord[] {
    const n = this.length;
    const cols = this.fields.map((f) => this.columns.get(f) as Value[]);
    // Every record has the same fields in the same order, so they share one shape: copied, then filled in.
    const shape: NormRecord['values'] = {};
    for (const f of this.fields) shape[f] = null;
    const out: NormRecord[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const values = { ...shape };
      for (let j = 0; j < cols.length; j++) values[this.fields[j]] = cols[j][i];
      out[i] = { row: this.rowNos[i], values };
    }
    return out;
  }

  /** The same rows without their raw cells (kept by results, so the grid can be let go). */
  withoutCells(): Table {
    return new Table(this.fields, this.columns, this.rowNos, [], new Map());
  }
}
