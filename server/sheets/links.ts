/** Which Google spreadsheet and range each school registered as its register, in the store's `sheet_links` table. */
import type { SheetLinkTable, Store } from '../store/schema';

/** One school's registered source. */
export interface SheetLink {
  school: string;
  spreadsheetId: string;
  range: string;
  updatedAt: string;
  updatedBy: string;
}

/** A spreadsheet id as typed or pasted: the id itself, or the whole `…/spreadsheets/d/<id>/edit` address. */
export function spreadsheetIdOf(input: string): string | null {
  const s = input.trim();
  const m = /\/spreadsheets\/d\/([A-Za-z0-9_-]+)/.exec(s);
  const id = m ? m[1] : s;
  return /^[A-Za-z0-9_-]{10,100}$/.test(id) ? id : null;
}

/** Registers (or replaces) a school's spreadsheet and range. */
export async function saveLink(store: Store, link: Omit<SheetLink, 'updatedAt'>, now = new Date()): Promise<SheetLink> {
  const db = store.db;
  const row: SheetLinkTable = {
    school_code: link.school,
    spreadsheet_id: link.spreadsheetId,
    range: link.range,
    updated_at: now.toISOString(),
    updated_by: link.updatedBy,
  };
  await db
    .insertInto('sheet_links')
    .values(row)
    .onConflict((oc) =>
      oc.column('school_code').doUpdateSet({ spreadsheet_id: row.spreadsheet_id, range: row.range, updated_at: row.updated_at, updated_by: row.updated_by }),
    )
    .execute();
  return { ...link, updatedAt: row.updated_at };
}

function fromRow(r: SheetLinkTable): SheetLink {
  return { school: r.school_code, spreadsheetId: r.spreadsheet_id, range: r.range, updatedAt: r.updated_at, updatedBy: r.updated_by };
}

/** The school's registered source, if any. */
export async function getLink(store: Store, school: string): Promise<SheetLink | undefined> {
  const db = store.db;
  const r = await db.selectFrom('sheet_links').selectAll().where('school_code', '=', school).executeTakeFirst();
  return r ? fromRow(r) : undefined;
}

/** Every registered source (the district's view), by school code. */
export async function listLinks(store: Store): Promise<SheetLink[]> {
  const db = store.db;
  return (await db.selectFrom('sheet_links').selectAll().orderBy('school_code').execute()).map(fromRow);
}
