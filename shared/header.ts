/** Finding the header: which of the first 10 rows (or two-row header) it is, and which kind of register it names. */
import { colLetter } from './a1';
import { PASSIVE_HEADERS, TEMPLATES, type ColumnDef, type Template } from './templates';
import { cellText, foldHeader } from './text';
import type { Cell, Grid, KindId } from './types';

/** A sheet column mapped to a template column. */
export interface MappedColumn {
  field: string;
  index: number;
  col: string;
  header: string;
  def: ColumnDef;
}

/** The recognised header of a sheet. */
export interface HeaderMatch {
  kind: KindId;
  template: Template;
  /** 1-based row of the (last) header row; data starts below it. */
  headerRow: number;
  columns: MappedColumn[];
  /** Columns whose header matched nothing (0-based index, text). */
  unknown: { index: number; text: string }[];
  /** Required fields with no column. */
  missing: string[];
  /** Folded header labels by column index, to spot repeated header rows below. */
  labels: string[];
}

const SCAN_ROWS = 10;
const MIN_MATCHED = 3;
const PASSIVE = new Set(PASSIVE_HEADERS.map((h) => foldHeader(h)));

type Lookup = { template: Template; map: Map<string, ColumnDef> };

/** Per register: folded header spelling → column. Built once per set of templates (the built-in one, a district's). */
const LOOKUPS = new WeakMap<Record<string, Template>, Lookup[]>();

function lookupsOf(templates: Record<string, Template>): Lookup[] {
  let out = LOOKUPS.get(templates);
  if (out) return out;
  out = Object.values(templates).map((template) => {
    const map = new Map<string, ColumnDef>();
    for (const def of template.columns) {
      for (const name of [def.name, ...(def.aliases ?? [])]) {
        const key = foldHeader(name).toUpperCase();
        if (!map.has(key)) map.set(key, def);
      }
    }
    return { template, map };
  });
  LOOKUPS.set(templates, out);
  return out;
}

/** Header cell → folded label; a bracketed note (学时(小时)) is tried without the note too. */
function lookup(map: Map<string, ColumnDef>, label: string): ColumnDef | undefined {
  if (!label) return undefined;
  const key = label.toUpperCase();
  return map.get(key) ?? map.get(key.replace(/[(（\[【][^)）\]】]*[)）\]】]/g, ''));
}

interface Candidate {
  row: number; // 1-based last header row
  labels: string[];
  raw: string[];
}

function candidates(grid: Grid): Candidate[] {
  const out: Candidate[] = [];
  const n = Math.min(SCAN_ROWS, grid.length);
  for (let r = 0; r < n; r++) {
    const row = grid[r] ?? [];
    out.push({ row: r + 1, labels: row.map((c) => foldHeader(c)), raw: row.map((c) => cellText(c)) });
    const next = grid[r + 1];
    if (next && r + 1 < SCAN_ROWS) {
      // Two-row header: a merged parent (获奖情况) over children (级别, 等级); a child wins where it has text.
      const width = Math.max(row.length, next.length);
      const labels: string[] = [];
      const raw: string[] = [];
      for (let c = 0; c < width; c++) {
        const child = foldHeader(next[c]);
        labels.push(child || foldHeader(row[c]));
        raw.push(child ? cellText(next[c]) : cellText(row[c]));
      }
      out.push({ row: r + 2, labels, raw });
    }
  }
  return out;
}

function score(labels: string[], map: Map<string, ColumnDef>): { fields: number; required: number } {
  const seen = new Set<string>();
  let required = 0;
  for (const l of labels) {
    const def = lookup(map, l);
    if (def && !seen.has(def.name)) {
      seen.add(def.name);
      if (def.required) required++;
    }
  }
  return { fields: seen.size, required };
}

/** Words above the header and the tab name, used only to break ties between kinds. */
function hintText(grid: Grid, sheetName: string, headerRow: number): string {
  const parts = [sheetName];
  for (let r = 0; r < headerRow - 1 && r < grid.length; r++) for (const c of grid[r] ?? []) parts.push(cellText(c as Cell));
  return parts.join(' ');
}

/** Recognises the header and kind of a sheet, or null when it matches no kind. */
export function detectHeader(grid: Grid, sheetName = '', templates: Record<string, Template> = TEMPLATES): HeaderMatch | null {
  const lookups = lookupsOf(templates);
  let best: { cand: Candidate; entry: Lookup; fields: number; tie: number } | null = null;
  for (const cand of candidates(grid)) {
    const hints = hintText(grid, sheetName, cand.row); // once per candidate, not once per kind and hint
    for (const entry of lookups) {
      const s = score(cand.labels, entry.map);
      // Three known columns, or every required column of the kind (a roster of just 姓名 and 学科), is a match.
      const allRequired = s.required === entry.template.columns.filter((c) => c.required).length;
      if (s.required === 0 || (s.fields < MIN_MATCHED && !allRequired)) continue;
      const hinted = entry.template.hints.some((h) => hints.includes(h)) ? 1 : 0;
      // More matched columns wins; then a hint in the tab/title; then the share of the template matched.
      const tie = hinted * 10 + s.fields / entry.template.columns.length;
      if (!best || s.fields > best.fields || (s.fields === best.fields && tie > best.tie)) best = { cand, entry, fields: s.fields, tie };
    }
  }
  if (!best) return null;
  const { cand, entry } = best;
  const columns: MappedColumn[] = [];
  const unknown: { index: number; text: string }[] = [];
  const used = new Set<string>();
  cand.labels.forEach((label, index) => {
    if (!label) return;
    const def = lookup(entry.map, label);
    if (def && !used.has(def.name)) {
      used.add(def.name);
      columns.push({ field: def.name, index, col: colLetter(index), header: cand.raw[index], def });
    } else if (!PASSIVE.has(label)) unknown.push({ index, text: cand.raw[index] });
  });
  const missing = entry.template.columns.filter((d) => d.required && !used.has(d.name)).map((d) => d.name);
  return { kind: entry.template.kind, template: entry.template, headerRow: cand.row, columns, unknown, missing, labels: cand.labels };
}
