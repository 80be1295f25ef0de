/** Reading normalised record values (string | number | boolean | string[] | null) without repeating type tests. */
import type { NormRecord } from '../types';

/** One normalised record's values. */
export type Values = NormRecord['values'];

/** The value as trimmed text ('' when empty; arrays joined with 、). */
export function text(v: Values[string] | undefined): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.join('、');
  return String(v).trim();
}

/** The value as a finite number, or null. */
export function num(v: Values[string] | undefined): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
}

/** 教师 of a paper: first author, then co-authors written after 、 (also tolerates ，,;； and arrays). */
export function authors(v: Values[string] | undefined): string[] {
  const parts = Array.isArray(v) ? v : text(v).split(/[、，,;；]/);
  return parts.map((s) => s.trim()).filter(Boolean);
}
