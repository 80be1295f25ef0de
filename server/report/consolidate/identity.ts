/** Resolving loose files to schools: a code wins; a name joins the code another file gave it; else the file's name. */
import { basename, extname } from 'node:path';
import type { FileSchool } from './school-of';
import { typeFromName } from './school-of';

/** A school as the consolidated report lists it. */
export interface ResolvedSchool {
  code: string;
  name: string;
  type: string;
}

/** Maps every file to a school key once all files have been seen (so file order does not matter). */
export function resolveSchools(files: string[], found: FileSchool[]): { byFile: string[]; schools: Map<string, ResolvedSchool> } {
  const nameOfCode = new Map<string, string>();
  const codeOfName = new Map<string, string>();
  for (const f of found)
    if (f.code && f.name) {
      if (!nameOfCode.has(f.code)) nameOfCode.set(f.code, f.name);
      if (!codeOfName.has(f.name)) codeOfName.set(f.name, f.code);
    }
  const schools = new Map<string, ResolvedSchool>();
  const byFile = found.map((f, i) => {
    const code = f.code ?? (f.name ? codeOfName.get(f.name) ?? f.name : basename(files[i], extname(files[i])));
    const name = nameOfCode.get(code) ?? f.name ?? code;
    if (!schools.has(code)) schools.set(code, { code, name, type: typeFromName(name) });
    return code;
  });
  return { byFile, schools };
}
