/** Schools of the district. */
import type { Kysely } from 'kysely';
import type { DB, SchoolTable } from './schema';

/** The school types DOMAIN.md knows. */
export const SCHOOL_TYPES = ['小学', '九年制', '初中'] as const;

/** A school as the API shows it. */
export interface School {
  code: string;
  name: string;
  type: string;
}

/** Adds a school; false when the code is taken. */
export async function addSchool(db: Kysely<DB>, school: School, now = new Date()): Promise<boolean> {
  const row: SchoolTable = { ...school, created_at: now.toISOString() };
  const res = await db.insertInto('schools').values(row).onConflict((oc) => oc.column('code').doNothing()).executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** One school or undefined. */
export async function getSchool(db: Kysely<DB>, code: string): Promise<School | undefined> {
  return db.selectFrom('schools').select(['code', 'name', 'type']).where('code', '=', code).executeTakeFirst();
}

/** Every school, by code. */
export async function listSchools(db: Kysely<DB>): Promise<School[]> {
  return db.selectFrom('schools').select(['code', 'name', 'type']).orderBy('code').execute();
}

/** Names of the given schools, by code (codes with no school are left out). */
export async function schoolNames(db: Kysely<DB>, codes: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < codes.length; i += 400) {
    for (const s of await db.selectFrom('schools').select(['code', 'name']).where('code', 'in', codes.slice(i, i + 400)).execute()) out.set(s.code, s.name);
  }
  return out;
}
