/** What Yanbiao marks and how it takes marks back: per cell, the fill it found there and what it added, so
 *  清除标记 restores the user's own formatting exactly and never removes a note or fill the user made. */

/** Fill colours of a mark (Excel's own "light red" and "neutral" presets, familiar to users). */
export const MARK_COLORS = { error: '#FFC7CE', warning: '#FFEB9C' } as const;

/** One thing to mark: a finding reduced to plain data. */
export interface Mark { sheet: string; row: number; col: string; severity: 'error' | 'warning'; message: string }

/** What Yanbiao did to one cell: the fill before (null = none), the colour set, and the note/comment it added. */
export interface MarkEntry { prior: string | null; color: string; note?: true; comment?: string }

/** Per worksheet id, per cell address: the marks in place (kept in the document's settings). */
export type MarkRegistry = Record<string, Record<string, MarkEntry>>;

/** One cell to mark: address, colour and the note text. */
export interface CellMark { address: string; color: string; text: string }

/** Who owns the note/comment on a cell right now. */
export type NoteOwner = 'ours' | 'user' | 'none';

/** Groups marks by sheet and cell; an error outranks a warning; row-level findings mark column A. */
export function cellMarks(marks: Mark[]): Map<string, Map<string, CellMark>> {
  const out = new Map<string, Map<string, { address: string; error: boolean; lines: string[] }>>();
  for (const m of marks) {
    if (!(m.row >= 1)) continue; // whole-sheet findings have no cell to mark; the pane still lists them
    const address = `${m.col || 'A'}${m.row}`;
    const sheet = out.get(m.sheet) ?? new Map();
    out.set(m.sheet, sheet);
    const cell = sheet.get(address) ?? { address, error: false, lines: [] };
    cell.error ||= m.severity === 'error';
    const line = `${m.severity === 'error' ? '错误' : '警告'}：${m.message}`;
    if (!cell.lines.includes(line)) cell.lines.push(line);
    sheet.set(address, cell);
  }
  const result = new Map<string, Map<string, CellMark>>();
  for (const [sheet, cells] of out) {
    const m = new Map<string, CellMark>();
    for (const c of cells.values()) {
      m.set(c.address, { address: c.address, color: c.error ? MARK_COLORS.error : MARK_COLORS.warning, text: `研表校验\n${c.lines.join('\n')}` });
    }
    result.set(sheet, m);
  }
  return result;
}

/** What to do on one sheet. */
export interface SheetPlan {
  fills: Map<string, string[]>; // colour → cell addresses
  clears: string[]; // cells whose fill goes back to none
  deleteNotes: string[]; // cells whose (our) note goes
  addNotes: CellMark[];
  skippedNotes: number; // cells where the user's own note stays and ours is not added
  registry: Record<string, MarkEntry>;
}

/** Decides, for one sheet, how to go from the marks in place (`old`) to `marks`, given the fills and notes now. */
export function planSheet(
  old: Record<string, MarkEntry>,
  marks: Map<string, CellMark>,
  fillNow: Map<string, string | null>,
  notes: Map<string, NoteOwner>,
): SheetPlan {
  const plan: SheetPlan = { fills: new Map(), clears: [], deleteNotes: [], addNotes: [], skippedNotes: 0, registry: {} };
  const fill = (color: string, address: string) => {
    const list = plan.fills.get(color) ?? [];
    list.push(address);
    plan.fills.set(color, list);
  };
  for (const address of new Set([...Object.keys(old), ...marks.keys()])) {
    const now = fillNow.has(address) ? fillNow.get(address)! : null;
    const entry = old[address];
    // if the user recoloured a marked cell, their colour is now the one to keep
    const stillOurs = !!entry && now === entry.color;
    const prior = stillOurs ? entry.prior : now;
    const owner = notes.get(address) ?? 'none';
    if (owner === 'ours') plan.deleteNotes.push(address);
    const m = marks.get(address);
    if (m) {
      if (now !== m.color) fill(m.color, address);
      plan.registry[address] = { prior, color: m.color };
      if (owner === 'user') plan.skippedNotes++;
      else plan.addNotes.push(m);
    } else if (stillOurs) {
      if (prior === null) plan.clears.push(address);
      else fill(prior, address);
    }
  }
  return plan;
}

/** A fill as getCellProperties answers it. */
export interface FillProps { color?: string | null; pattern?: string | null; patternColor?: string | null; tintAndShade?: number | null }

/**
 * A fill as read from Excel → the registry's form: null for no fill, `#RRGGBB` for a plain solid colour, and for a
 * patterned or tinted fill its properties as JSON (so 清除标记 puts back the pattern and tint, not a flat colour).
 * No Fill comes back as white with a *null* pattern (OfficeDev/office-js #4900, #6218), so a missing pattern is no fill.
 */
export function fillKey(fill: FillProps | undefined): string | null {
  if (!fill || !fill.pattern || fill.pattern === 'None' || !fill.color) return null;
  const color = fill.color.toUpperCase();
  if (fill.pattern === 'Solid' && !fill.tintAndShade) return color;
  const out: FillProps = { color, pattern: fill.pattern };
  if (fill.patternColor) out.patternColor = fill.patternColor.toUpperCase();
  if (fill.tintAndShade) out.tintAndShade = fill.tintAndShade;
  return JSON.stringify(out);
}

/** The registry's form of a fill → the properties to set (null for a plain colour, set through `fill.color`). */
export function fillProps(key: string): FillProps | null {
  if (!key.startsWith('{')) return null;
  try {
    return JSON.parse(key) as FillProps;
  } catch {
    return null;
  }
}
