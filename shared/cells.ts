/** Column parsers: a template column compiled once into a function from a raw cell to a normalised value. */
import type { Value } from './checks/check';
import { compileEnum } from './normalise/enum';
import { parseDate, parseMonth } from './normalise/date';
import { parseName } from './normalise/name';
import { parseNumber } from './normalise/number';
import { err, ok, type Norm } from './normalise/result';
import { parseJournalNumber } from './normalise/serial-number';
import { VALUE_SETS, type ColumnDef, type ValueSet } from './templates';
import { cellText, halfWidthAlnum } from './text';
import type { TermInfo } from './term';
import { termYearOf } from './term';
import type { Cell } from './types';

/** A compiled column parser. */
export type CellParser = (v: Cell) => Norm<Value>;

const SEPARATORS = {
  members: /[、，,;；\s]+/,
  authors: /[、，,;；]+/,
};

/** Compiled matchers by value set (the built-in sets, or a district's). */
const enumCache = new WeakMap<ValueSet, ReturnType<typeof compileEnum>>();

/** The value sets a column may name: the built-in ones, or those of a district's definition. */
export type ValueSets = Record<string, ValueSet>;

/** Allowed values of a column's value set (for messages and dropdowns). */
export function allowedValues(def: ColumnDef, valueSets: ValueSets = VALUE_SETS): string[] {
  return def.values && valueSets[def.values] ? Object.keys(valueSets[def.values].values) : [];
}

function withRange(def: ColumnDef, n: Norm<number>): Norm<Value> {
  if (!n.ok) return n;
  if (def.min !== undefined && n.value < def.min) return err(def.minCode ?? 'min', { min: def.min });
  if (def.max !== undefined && n.value > def.max) return err('max', { max: def.max });
  return n;
}

/** How many answers a column remembers (see the row loop in sheet.ts) before it starts over. */
export const MEMO_LIMIT = 4096;

/** Results are frozen because the rows that share a remembered answer must not be able to change it for each other. */
export function freezeNorm(r: Norm<Value>): Norm<Value> {
  if (r.ok && Array.isArray(r.value)) Object.freeze(r.value);
  return Object.freeze(r);
}

/** Compiles one column (blank cells are handled by the caller, so parsers see only filled cells). */
export function compileColumn(def: ColumnDef, term: TermInfo, valueSets: ValueSets = VALUE_SETS): CellParser {
  switch (def.type) {
    case 'text':
      return (v) => ok(halfWidthAlnum(cellText(v)));
    case 'longtext':
      return (v) => ok(typeof v === 'string' ? v.trim() : cellText(v));
    case 'name':
      return (v) => parseName(v) as Norm<Value>;
    case 'names': {
      const sep = SEPARATORS[def.split ?? 'members'];
      return (v) => {
        const text = cellText(v);
        if (!sep.test(text)) {
          // One name, the usual case: no split, no list building beyond the one element.
          const one = parseName(text);
          if (!one.ok || !one.value) return err('required');
          return one.note ? ok([one.value], one.note) : ok([one.value]);
        }
        const names: string[] = [];
        let spaced = false;
        for (const part of text.split(sep)) {
          const r = parseName(part);
          if (!r.ok || !r.value) continue;
          if (r.note) spaced = true;
          names.push(r.value);
        }
        if (!names.length) return err('required');
        // Spacing inside a name (张 伟) is offered as a fix of the whole cell, names joined by 、.
        return spaced ? ok(names, { code: 'spacing', fix: names.join('、') }) : ok(names);
      };
    }
    case 'date':
      return (v) => parseDate(v);
    case 'month': {
      const yearOf = termYearOf(term);
      return (v) => parseMonth(v, yearOf);
    }
    case 'number':
      return (v) => withRange(def, parseNumber(v, false));
    case 'integer':
      return (v) => withRange(def, parseNumber(v, true));
    case 'enum': {
      if (!def.values) throw new Error(`模板错误：列“${def.name}”缺少取值集合`);
      const set = valueSets[def.values];
      if (!set) throw new Error(`模板错误：列“${def.name}”的取值集合“${def.values}”不存在`);
      let m = enumCache.get(set);
      if (!m) enumCache.set(set, (m = compileEnum(set)));
      const matcher = m;
      return (v) => matcher.match(v);
    }
    case 'journal':
      return (v) => parseJournalNumber(v);
  }
}
