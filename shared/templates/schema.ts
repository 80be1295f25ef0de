/** zod schemas of normalised records, derived from the template data (never written by hand). */
import { z } from 'zod';
import type { KindId } from '../types';
import type { ColumnDef } from './template';
import { TEMPLATES } from './index';
import { VALUE_SETS } from './value-sets';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_MONTH = /^\d{4}-\d{2}$/;

/** The zod type of one column's normalised value. */
export function columnSchema(def: ColumnDef): z.ZodType {
  let t: z.ZodType;
  switch (def.type) {
    case 'enum': {
      const values = Object.keys(VALUE_SETS[def.values!].values) as [string, ...string[]];
      t = z.enum(values);
      break;
    }
    case 'date':
      t = z.string().regex(ISO_DATE);
      break;
    case 'month':
      t = z.string().regex(ISO_MONTH);
      break;
    case 'number':
    case 'integer': {
      let n = def.type === 'integer' ? z.number().int() : z.number();
      if (def.min !== undefined) n = n.min(def.min);
      if (def.max !== undefined) n = n.max(def.max);
      t = n;
      break;
    }
    case 'names':
      t = z.array(z.string().min(1)).min(1);
      break;
    default:
      t = z.string().min(1);
  }
  return def.required ? t : t.nullable();
}

const cache = new Map<KindId, z.ZodType>();

/** The schema of a kind's normalised record values (columns the sheet lacks may be absent). */
export function recordSchema(kind: KindId): z.ZodType<Record<string, unknown>> {
  let s = cache.get(kind);
  if (!s) {
    const shape: Record<string, z.ZodType> = {};
    for (const def of TEMPLATES[kind].columns) shape[def.name] = columnSchema(def).optional();
    s = z.object(shape);
    cache.set(kind, s);
  }
  return s as z.ZodType<Record<string, unknown>>;
}
