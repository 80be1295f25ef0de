/** Edit distance, bounded: used to suggest the roster name one typo away from an unknown name. */

/** Levenshtein distance between a and b, giving up (returning max + 1) once it exceeds `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** The single candidate exactly one edit away from `name`, if there is exactly one. */
export function nearest(name: string, candidates: Iterable<string>): string | undefined {
  let found: string | undefined;
  for (const c of candidates) {
    if (editDistance(name, c, 1) === 1) {
      if (found !== undefined) return undefined;
      found = c;
    }
  }
  return found;
}
