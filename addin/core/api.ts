/** The pane's HTTP client for the district server, typed by the shared contract. Every failure becomes an
 *  ApiError with a Chinese message a coordinator can act on. */
import { RegisterDefinitionSchema, type RegisterDefinition } from '../../shared/registers/schema';
import { ErrorBodySchema, IDEMPOTENCY_HEADER, PATHS, ReceiptSchema, SubmissionListSchema, type FindingDto, type Receipt, type SubmitRequest, type SubmissionList } from '../../shared/contract';

/** A failed request: HTTP status (0 when the server could not be reached), code and Chinese message. */
export class ApiError extends Error {
  constructor(public status: number, public code: string, message: string, public findings: FindingDto[] = []) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Where and as whom the pane talks to the server. */
export interface ApiTarget { base: string; token: string }

function url(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}${path}`;
}

async function request(target: ApiTarget, path: string, init: RequestInit = {}): Promise<Response> {
  if (!target.base) throw new ApiError(0, 'no_server', '请先在“上传”面板的设置中填写服务器地址。');
  if (!target.token) throw new ApiError(0, 'no_token', '请先在“上传”面板的设置中填写上报令牌。');
  let res: Response;
  try {
    res = await fetch(url(target.base, path), {
      ...init,
      headers: { ...(init.headers as Record<string, string>), Authorization: `Bearer ${target.token}` },
    });
  } catch {
    throw new ApiError(0, 'offline', `无法连接服务器 ${target.base}，请检查网络连接或服务器地址。工作簿没有任何改动。`);
  }
  if (res.ok) return res;
  let code = `http_${res.status}`;
  let message = '';
  let findings: FindingDto[] = [];
  try {
    const body = ErrorBodySchema.safeParse(await res.json());
    if (body.success) ({ code, message, findings = [] } = body.data.error);
  } catch { /* not JSON: fall back to the status */ }
  if (res.status === 401) message = '上报令牌无效或已过期，请在设置中重新填写。';
  else if (res.status === 403) message = message || '此令牌无权执行该操作。';
  else if (res.status === 429) message = '请求过于频繁，请稍后再试。';
  else if (res.status >= 500) message = `服务器出错（${res.status}）${message ? `：${message}` : ''}，请稍后再试或联系区教科室。`;
  else message = message || `请求失败（${res.status}）。`;
  throw new ApiError(res.status, code, message, findings);
}

async function json<T>(res: Response, parse: (v: unknown) => { success: boolean; data?: T }): Promise<T> {
  const parsed = parse(await res.json().catch(() => undefined));
  if (!parsed.success || parsed.data === undefined) throw new ApiError(res.status, 'bad_response', '服务器的答复格式不正确，请确认服务器地址指向研表服务器。');
  return parsed.data;
}

/** GET /api/v1/registers: the district's register definition in force, checked against the schema. */
export async function fetchRegisters(target: ApiTarget): Promise<{ version: number; definition: RegisterDefinition }> {
  const res = await request(target, '/api/v1/registers');
  return json(res, (v) => {
    const o = (v ?? {}) as { version?: unknown; definition?: unknown };
    const d = RegisterDefinitionSchema.safeParse(o.definition);
    return d.success && typeof o.version === 'number' ? { success: true, data: { version: o.version, definition: d.data } } : { success: false };
  });
}

/** POST /api/v1/submissions: uploads the grids; the idempotency key makes a retried click harmless. */
export async function submit(target: ApiTarget, body: SubmitRequest, key: string): Promise<Receipt> {
  const res = await request(target, PATHS.submissions, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [IDEMPOTENCY_HEADER]: key },
    body: JSON.stringify(body),
  });
  return json(res, (v) => ReceiptSchema.safeParse(v));
}

/** GET /api/v1/terms/:term/submissions: this school's versions, with the district's 退回 comments. */
export async function listSubmissions(target: ApiTarget, term: string): Promise<SubmissionList> {
  return json(await request(target, PATHS.termSubmissions(term)), (v) => SubmissionListSchema.safeParse(v));
}

/** GET /api/v1/terms/:term/report.xlsx as bytes. */
export async function fetchReport(target: ApiTarget, term: string): Promise<Uint8Array> {
  const res = await request(target, PATHS.report(term));
  return new Uint8Array(await res.arrayBuffer());
}
