/** Writes and removes Yanbiao's marks: fills by RangeAreas (adjacent cells merged), the message as a note
 *  (ExcelApi 1.18) or a comment (1.10) — two syncs for any number of findings (three on the comment path). */
import { colLetter } from '../../shared/a1';
import { areaAddress, cellOf, chunkAddresses, mergeCells } from '../core/areas';
import { cellMarks, fillKey, fillProps, planSheet, type CellMark, type Mark, type MarkEntry, type MarkRegistry, type NoteOwner } from '../core/marks';
import { capabilities } from './host';
import { cellBytes, WriteBudget } from '../core/limits';
import { docSetting, refreshDocSettings, saveDocSettings } from './settings';

/** Document-settings key of the mark registry. */
export const MARKS_KEY = 'yanbiao.marks';
/** Document-settings key of the name of each sheet in the registry, by id. */
export const MARK_SHEETS_KEY = 'yanbiao.markSheets';

/**
 * The registry with each entry under the id its sheet has now. Worksheet ids hold only within a session: reopened
 * (or opened in another Excel version) a sheet has a new id (OfficeDev/office-js-docs #297, office-js #1390), so an
 * entry whose id is gone moves to the sheet that bears the name it had when it was saved. Within a session the id
 * follows a renamed sheet; across sessions the name does.
 */
export function rekey(registry: MarkRegistry, names: Record<string, string>, refs: SheetRef[]): MarkRegistry {
  const ids = new Set(refs.map((r) => r.id));
  const idByName = new Map(refs.map((r) => [r.name, r.id]));
  const out: MarkRegistry = {};
  for (const [id, cells] of Object.entries(registry)) if (ids.has(id)) out[id] = cells;
  for (const [id, cells] of Object.entries(registry)) {
    if (ids.has(id)) continue;
    const now = names[id] !== undefined ? idByName.get(names[id]) : undefined;
    if (now !== undefined && !(now in out)) out[now] = cells;
  }
  return out;
}

/** What a marking run did. */
export interface MarkOutcome { cells: number; removed: number; notes: number; skippedNotes: number; mode: 'note' | 'comment' | 'none' }

/** `'My sheet'!A1` / `Sheet1!A1` → [sheet, address]. */
function splitAddress(full: string): [string, string] {
  const i = full.lastIndexOf('!');
  const sheet = full.slice(0, i).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
  return [sheet, full.slice(i + 1).replace(/\$/g, '')];
}

function quote(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** A worksheet's name and its stable id (marks are kept by id, so renaming a sheet never orphans them). */
export interface SheetRef { name: string; id: string }

/**
 * Replaces the marks on the sheets named in `scope` ('all' = every sheet Yanbiao marked) with `marks`.
 * `known` (the workbook's sheets, when the caller just read them) saves a sync.
 */
export async function applyMarks(marks: Mark[], scope: string[] | 'all', known?: SheetRef[]): Promise<MarkOutcome> {
  const caps = capabilities();
  const mode: MarkOutcome['mode'] = caps.notes ? 'note' : caps.comments ? 'comment' : 'none';
  await refreshDocSettings(); // marks another runtime (the ribbon's 校验) saved
  const saved: MarkRegistry = docSetting<MarkRegistry>(MARKS_KEY) ?? {};
  const savedNames = docSetting<Record<string, string>>(MARK_SHEETS_KEY) ?? {};
  const wanted = cellMarks(marks);
  const outcome: MarkOutcome = { cells: 0, removed: 0, notes: 0, skippedNotes: 0, mode };

  const next = await Excel.run(async (context) => {
    const book = context.workbook;
    let refs = known;
    let commentsList: Excel.CommentCollection | undefined;
    if (mode === 'comment') commentsList = book.comments.load('items/id');
    if (!refs) {
      const ws = book.worksheets.load('items/name,items/id');
      await context.sync();
      refs = ws.items.map((w) => ({ name: w.name, id: w.id }));
    } else if (commentsList) await context.sync();
    const registry = rekey(saved, savedNames, refs);
    const idOf = new Map(refs.map((r) => [r.name, r.id]));
    const nameOf = new Map(refs.map((r) => [r.id, r.name]));
    // from here on a sheet is its id: the registry's key, and a key getItem() accepts
    const byId = new Map([...wanted].filter(([name]) => idOf.has(name)).map(([name, cells]) => [idOf.get(name)!, cells]));
    const inScope = (id: string) => scope === 'all' || scope.includes(nameOf.get(id) ?? '');
    const sheets = [...new Set([...Object.keys(registry).filter(inScope), ...byId.keys()])].filter((id) => nameOf.has(id));

    // sync 1: fills now under every cell we touch, and who owns the note/comment there
    const fills = new Map<string, { cells: string[]; props: OfficeExtension.ClientResult<Excel.CellProperties[][]> }[]>();
    const noteProbes = new Map<string, Map<string, Excel.Note>>();
    // Per-cell calls (a note probe, a note added or deleted) cost ~500 bytes of request each: synced in parts
    const reads = new WriteBudget();
    const writes = new WriteBudget();
    const flush = async (bytes: number, actions: number) => {
      if (!writes.add(bytes, actions)) return;
      await context.sync();
      book.application.suspendApiCalculationUntilNextSync();
    };
    const commentAt = new Map<string, string>(); // 'Sheet!A1' → comment id
    const locations: [string, Excel.Range][] = [];
    if (commentsList) for (const c of commentsList.items) locations.push([c.id, c.getLocation().load('address')]);
    for (const sheet of sheets) {
      const ws = book.worksheets.getItem(sheet);
      const cells = new Set([...Object.keys(registry[sheet] ?? {}), ...(byId.get(sheet)?.keys() ?? [])]);
      const areas = mergeCells([...cells].map(cellOf));
      const sheetFills: { cells: string[]; props: OfficeExtension.ClientResult<Excel.CellProperties[][]> }[] = [];
      fills.set(sheet, sheetFills);
      for (const a of areas) {
        const inArea: string[] = []; // row-major, the order getCellProperties answers in
        for (let r = a.r0; r <= a.r1; r++) for (let c = a.c0; c <= a.c1; c++) inArea.push(`${colLetter(c)}${r}`);
        const props = ws.getRange(areaAddress(a)).getCellProperties({ format: { fill: { color: true, pattern: true, patternColor: true, tintAndShade: true } } });
        sheetFills.push({ cells: inArea, props });
        if (reads.add(inArea.length * 120, 2)) await context.sync(); // ~120 bytes of answer per cell
      }
      if (mode === 'note') {
        const probes = new Map<string, Excel.Note>();
        noteProbes.set(sheet, probes);
        for (const address of cells) {
          probes.set(address, ws.notes.getItemOrNullObject(address).load('content'));
          if (reads.add(0, 3)) await context.sync(); // thousands of probes would pass the 5 MB request limit
        }
      }
    }
    await context.sync();
    for (const [id, loc] of locations) {
      const [s, a] = splitAddress(loc.address);
      commentAt.set(`${s}!${a}`, id);
    }

    // sync 2: restore, fill, notes — calculation suspended so Excel does not recalc per write
    book.application.suspendApiCalculationUntilNextSync();
    const result: MarkRegistry = { ...registry };
    const added: [string, string, Excel.Comment][] = [];
    for (const sheet of sheets) {
      const ws = book.worksheets.getItem(sheet);
      const old = registry[sheet] ?? {};
      const fillNow = new Map<string, string | null>();
      for (const { cells, props } of fills.get(sheet)!) {
        const flat = props.value.flat();
        cells.forEach((address, i) => fillNow.set(address, fillKey(flat[i]?.format?.fill)));
      }
      const owners = new Map<string, NoteOwner>();
      if (mode === 'note') {
        for (const [address, probe] of noteProbes.get(sheet)!) {
          owners.set(address, probe.isNullObject ? 'none' : old[address]?.note ? 'ours' : 'user');
        }
      } else if (mode === 'comment') {
        for (const address of new Set([...Object.keys(old), ...(byId.get(sheet)?.keys() ?? [])])) {
          const id = commentAt.get(`${nameOf.get(sheet)}!${address}`);
          owners.set(address, id === undefined ? 'none' : old[address]?.comment === id ? 'ours' : 'user');
        }
      }
      const plan = planSheet(old, byId.get(sheet) ?? new Map<string, CellMark>(), fillNow, owners);
      for (const address of plan.deleteNotes) {
        if (mode === 'note') ws.notes.getItem(address).delete();
        else if (mode === 'comment') book.comments.getItem(old[address].comment!).delete();
        await flush(address.length, 2);
      }
      if (plan.clears.length) for (const chunk of chunkAddresses(mergeCells(plan.clears.map(cellOf)))) ws.getRanges(chunk).format.fill.clear();
      for (const [color, cells] of plan.fills) {
        const props = fillProps(color);
        if (props) {
          // a patterned or tinted fill the user had: put back every property of it, cell area by cell area
          for (const a of mergeCells(cells.map(cellOf))) {
            const cell = { format: { fill: props } } as Excel.SettableCellProperties;
            ws.getRange(areaAddress(a)).setCellProperties(Array.from({ length: a.r1 - a.r0 + 1 }, () => Array.from({ length: a.c1 - a.c0 + 1 }, () => cell)));
          }
        } else for (const chunk of chunkAddresses(mergeCells(cells.map(cellOf)))) ws.getRanges(chunk).format.fill.color = color;
      }
      const entries: Record<string, MarkEntry> = plan.registry;
      for (const m of plan.addNotes) {
        if (mode === 'note') { ws.notes.add(m.address, m.text); entries[m.address].note = true; }
        else if (mode === 'comment') added.push([sheet, m.address, book.comments.add(`${quote(nameOf.get(sheet)!)}!${m.address}`, m.text).load('id')]);
        if (mode !== 'none') await flush(cellBytes(m.text) + m.address.length, 2);
      }
      outcome.cells += Object.keys(entries).length;
      outcome.removed += Object.keys(old).filter((a) => !(a in entries)).length;
      outcome.notes += mode === 'none' ? 0 : plan.addNotes.length;
      outcome.skippedNotes += plan.skippedNotes;
      if (Object.keys(entries).length) result[sheet] = entries;
      else delete result[sheet];
    }
    await context.sync();
    for (const [sheet, address, comment] of added) result[sheet][address].comment = comment.id;
    for (const id of Object.keys(result)) if (!nameOf.has(id)) delete result[id]; // sheet deleted by the user
    return { result, names: Object.fromEntries(Object.keys(result).map((id) => [id, nameOf.get(id)!])) };
  });
  const any = Object.keys(next.result).length > 0;
  await saveDocSettings({ [MARKS_KEY]: any ? next.result : null, [MARK_SHEETS_KEY]: any ? next.names : null });
  return outcome;
}

/** Removes every Yanbiao mark, restoring the fills found before marking; the user's own notes stay. */
export function clearMarks(): Promise<MarkOutcome> {
  return applyMarks([], 'all');
}
