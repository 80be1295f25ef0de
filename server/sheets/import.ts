/**
 * Import of a school's register from Google Sheets: read the registered range, then hand the grid to the one
 * upload path (server/upload/ingest.ts) — the same validation, the same versioning, the same receipt.
 */
import type { Logger } from 'pino';
import type { Receipt } from '../../shared/contract';
import { HttpError } from '../http/errors';
import type { Store } from '../store/schema';
import { getSchool } from '../store/schools';
import { ingest, requireTerm, type IngestRequest } from '../upload/ingest';
import { checkGrids, DEFAULT_LIMITS, type UploadLimits } from '../upload/limits';
import type { SheetsClient } from './client';
import { getLink, listLinks, saveLink, spreadsheetIdOf, type SheetLink } from './links';
import { readSheetGrid } from './read';

/** What to import; without spreadsheetId/range the school's registered ones are used. */
export interface ImportRequest {
  school: string;
  term: string;
  spreadsheetId?: string;
  range?: string;
  actor: string;
  /** True when the district acts for the school (it may register a spreadsheet another school uses). */
  byDistrict?: boolean;
  idemKey?: string | null;
}

/** The upload's receipt and the link it was read from (now registered for the school). */
export interface ImportResult {
  receipt: Receipt;
  link: SheetLink;
}

// The upload record says where the grid came from. ingest's type lists the sources it has met so far;
// 'sheets' is stored as plain text like the others.
const SOURCE: IngestRequest['source'] = 'sheets';

/** The spreadsheet id and range to read: given ones (checked) or the registered ones. */
async function target(store: Store, req: ImportRequest): Promise<{ spreadsheetId: string; range: string; registered?: SheetLink }> {
  if (req.spreadsheetId !== undefined || req.range !== undefined) {
    const spreadsheetId = spreadsheetIdOf(req.spreadsheetId ?? '');
    if (!spreadsheetId) {
      throw new HttpError(400, 'bad_spreadsheet', `Google 表格 ID 不正确：“${req.spreadsheetId ?? ''}”。请粘贴表格网址，或网址中 /d/ 与 /edit 之间的那一串字符`);
    }
    const range = (req.range ?? '').trim();
    if (!range || range.length > 200) throw new HttpError(400, 'bad_range', '请填写要读取的范围，例如“论文投稿!A1:Z”或工作表名');
    if (!req.byDistrict) {
      // A spreadsheet shared with the service account is readable by every caller of this endpoint; a school
      // must not be able to pull another school's registered sheet in as its own upload. The district may
      // (one spreadsheet with a tab per school is a reasonable district setup).
      const taken = (await listLinks(store)).find((l) => l.spreadsheetId === spreadsheetId && l.school !== req.school);
      if (taken) throw new HttpError(409, 'sheet_taken', '这个 Google 表格已由其他学校登记，不能再登记为本校的表格；如确需共用，请联系区教科室登记');
    }
    return { spreadsheetId, range };
  }
  const link = await getLink(store, req.school);
  if (!link) {
    throw new HttpError(400, 'no_sheet_link', `学校 ${req.school} 还没有登记 Google 表格：请提供 spreadsheetId 和 range（登记后以后可直接导入）`);
  }
  return { spreadsheetId: link.spreadsheetId, range: link.range, registered: link };
}

/** Reads the school's Google sheet and submits it as an upload. Throws HttpError (ingest's) or SheetsError. */
export async function importFromSheets(
  store: Store,
  client: SheetsClient,
  req: ImportRequest,
  opts: { now?: Date; logger?: Logger; limits?: UploadLimits } = {},
): Promise<ImportResult> {
  const now = opts.now ?? new Date();
  const term = requireTerm(req.term);
  if (!(await getSchool(store.db, req.school))) throw new HttpError(404, 'no_school', `没有编码为 ${req.school} 的学校`);
  const t = await target(store, req);
  const sheet = await readSheetGrid(client, t.spreadsheetId, t.range);
  // Registered once Google has answered: a wrong id is not kept, but a sheet whose data still has errors is,
  // so the school can fix it in Google Sheets and import again without typing the id.
  const link = t.registered ?? (await saveLink(store, { school: req.school, spreadsheetId: t.spreadsheetId, range: t.range, updatedBy: req.actor }, now));
  checkGrids([sheet], opts.limits ?? DEFAULT_LIMITS);
  const receipt = await ingest(
    store,
    { school: req.school, term, sheets: [sheet], idemKey: req.idemKey ?? null, source: SOURCE, actor: req.actor },
    { now, logger: opts.logger },
  );
  return { receipt, link };
}
