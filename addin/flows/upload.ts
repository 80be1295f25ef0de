/** 上传: validate, refuse while errors remain, then send the grids of every recognised sheet. */
import { validateWorkbook, type ValidateOptions } from '../../shared';
import type { Receipt, SubmissionList } from '../../shared/contract';
import { ApiError, listSubmissions, submit, type ApiTarget } from '../core/api';
import { readWorkbook } from '../excel';

/** Outcome of an upload attempt. */
export type UploadOutcome =
  | { ok: true; receipt: Receipt; returned: SubmissionList['submissions'] }
  | { ok: false; message: string; errors?: number };

function newKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/** Uploads the workbook for `term`. Never changes the workbook, whatever happens. */
export async function uploadWorkbook(target: ApiTarget, term: string, opts: ValidateOptions = {}): Promise<UploadOutcome> {
  const read = await readWorkbook();
  const result = validateWorkbook(read.sheets, { ...opts, term });
  const recognised = result.sheets.filter((s) => s.kind !== null);
  if (!recognised.length) return { ok: false, message: '工作簿中没有可识别的登记表，无法上传。请先用“结构化”整理表头。' };
  if (result.errors > 0) return { ok: false, errors: result.errors, message: `还有 ${result.errors} 个错误，请先在“校验”面板中修正后再上传。` };
  const sheets = read.sheets.filter((s) => recognised.some((r) => r.sheet === s.sheet));
  try {
    const receipt = await submit(target, { term, sheets }, newKey());
    const list = await listSubmissions(target, term).catch(() => ({ term, submissions: [] }));
    return { ok: true, receipt, returned: list.submissions.filter((s) => s.status === '已退回') };
  } catch (err) {
    if (err instanceof ApiError) {
      const extra = err.findings.length ? `（服务器发现 ${err.findings.length} 个问题）` : '';
      return { ok: false, message: `${err.message}${extra}` };
    }
    throw err;
  }
}

/** The district's 退回 comments for `term`. */
export async function returnedFor(target: ApiTarget, term: string): Promise<SubmissionList['submissions']> {
  const list = await listSubmissions(target, term);
  return list.submissions.filter((s) => s.status === '已退回');
}
