/** Google field masks (`sheets.properties(sheetId,title)`): which paths they cover, and filtering a response. */

/** Flattens a mask into dotted paths: `a(b,c.d),e` → [`a.b`, `a.c.d`, `e`]. */
export function maskPaths(fields: string): string[] {
  const flat: string[] = [];
  const walk = (s: string, prefix: string) => {
    let depth = 0;
    let start = 0;
    for (let i = 0; i <= s.length; i++) {
      const ch = s[i];
      if (ch === '(') depth++;
      else if (ch === ')') depth--;
      else if ((ch === ',' || i === s.length) && depth === 0) {
        const part = s.slice(start, i).trim();
        start = i + 1;
        if (!part) continue;
        const open = part.indexOf('(');
        if (open < 0) flat.push(prefix + part);
        else walk(part.slice(open + 1, part.lastIndexOf(')')), `${prefix}${part.slice(0, open)}.`);
      }
    }
  };
  walk(fields, '');
  return flat;
}

/** Whether a mask covers a dotted path (a mask entry covers everything below it). */
export function masks(fields: string, path: string): boolean {
  if (fields === '*') return true;
  return maskPaths(fields).some((f) => path === f || path.startsWith(`${f}.`));
}

/** Keeps only the masked parts of a response; arrays are filtered element by element, as Google does. */
export function pick(value: unknown, fields: string | undefined): unknown {
  if (!fields || fields === '*') return value;
  const filter = (v: unknown, paths: string[]): unknown => {
    if (paths.includes('')) return v;
    if (Array.isArray(v)) return v.map((x) => filter(x, paths));
    if (!v || typeof v !== 'object') return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const sub = paths.filter((p) => p === k || p.startsWith(`${k}.`)).map((p) => (p === k ? '' : p.slice(k.length + 1)));
      if (sub.length) out[k] = filter(x, sub);
    }
    return out;
  };
  return filter(value, maskPaths(fields));
}
