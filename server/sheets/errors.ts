/** Google's errors turned into Chinese messages that say what to do. */

/** What went wrong, as a stable code (the HTTP layer and the CLI switch on it). */
export type SheetsErrorCode =
  | 'not_configured'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'not_native'
  | 'bad_range'
  | 'bad_request'
  | 'quota'
  | 'unavailable'
  | 'network';

/** An error of the Sheets sync with a Chinese message; `retryable` for quota, 5xx and network trouble. */
export class SheetsError extends Error {
  constructor(
    readonly code: SheetsErrorCode,
    message: string,
    readonly status?: number,
    /** Google's own message, kept for logs. */
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'SheetsError';
  }

  /** Whether trying again later can succeed (429, 5xx, network). */
  get retryable(): boolean {
    return this.code === 'quota' || this.code === 'unavailable' || this.code === 'network';
  }
}

/** What the failing call was about, so the message can name it. */
export interface SheetsErrorContext {
  spreadsheetId: string;
  /** Service-account e-mail the spreadsheet must be shared with, when known. */
  account?: string;
  range?: string;
  /** 'publish' needs edit rights, 'import' only view rights. */
  action?: 'publish' | 'import';
}

interface GoogleErrorBody {
  error?: { code?: number; message?: string; status?: string };
}

/** Reads status and Google's message from a googleapis (gaxios) error or anything else thrown. */
function parts(err: unknown): { status?: number; googleStatus?: string; message: string; network: boolean } {
  const e = err as { status?: number; code?: unknown; message?: string; response?: { status?: number; data?: unknown } };
  const status = e?.response?.status ?? (typeof e?.status === 'number' ? e.status : undefined);
  let body = e?.response?.data as GoogleErrorBody | string | undefined;
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body) as GoogleErrorBody;
    } catch {
      body = undefined;
    }
  }
  const g = typeof body === 'object' ? body?.error : undefined;
  return {
    status,
    googleStatus: g?.status,
    message: g?.message ?? String(e?.message ?? err),
    network: status === undefined,
  };
}

/** Maps anything a Sheets call threw to a SheetsError with a message saying what to do. */
export function toSheetsError(err: unknown, ctx: SheetsErrorContext): SheetsError {
  if (err instanceof SheetsError) return err;
  const { status, googleStatus, message, network } = parts(err);
  const id = ctx.spreadsheetId;
  const role = ctx.action === 'import' ? '查看者' : '编辑者';
  if (network) {
    return new SheetsError('network', `无法连接 Google 表格服务：请检查服务器能否访问 Google（或 GOOGLE_SHEETS_ROOT_URL 的设置），稍后重试。`, undefined, message);
  }
  if (status === 401) {
    return new SheetsError(
      'unauthenticated',
      'Google 认证失败：访问令牌无效或已过期。请检查 GOOGLE_OAUTH_ACCESS_TOKEN，或 GOOGLE_APPLICATION_CREDENTIALS 指向的服务账号密钥文件是否有效。',
      status,
      message,
    );
  }
  if (status === 403) {
    const who = ctx.account ? `服务账号 ${ctx.account}` : '研表所用的 Google 账号';
    return new SheetsError(
      'forbidden',
      `没有权限访问 Google 表格 ${id}：请在该表格右上角点“共享”，把${who}添加为${role}，然后重试。`,
      status,
      message,
    );
  }
  if (status === 404) {
    return new SheetsError(
      'not_found',
      `找不到 Google 表格 ${id}：请核对表格 ID（表格网址中 /d/ 与 /edit 之间的那一串字符），并确认表格没有被删除。`,
      status,
      message,
    );
  }
  if (status === 429) {
    return new SheetsError(
      'quota',
      'Google 表格的调用次数超过了配额（每分钟的读写次数有限）：请等一分钟后再试；自动发布会自动延后重试。',
      status,
      message,
    );
  }
  if (status !== undefined && status >= 500) {
    return new SheetsError('unavailable', `Google 表格服务暂时不可用（HTTP ${status}）：请稍后重试。`, status, message);
  }
  if (googleStatus === 'FAILED_PRECONDITION' || /not supported for this document/i.test(message)) {
    return new SheetsError(
      'not_native',
      `文件 ${id} 不是 Google 表格（可能是上传到云端硬盘的 Excel 文件）：请在 Google 表格中打开它，选择“文件 → 保存为 Google 表格”，再使用新表格的 ID。`,
      status,
      message,
    );
  }
  if (/Unable to parse range|exceeds grid limits/i.test(message)) {
    return new SheetsError(
      'bad_range',
      `读取范围“${ctx.range ?? ''}”无效：请写成“工作表名!A1:Z”这样的范围，并确认 Google 表格 ${id} 中有这个工作表。`,
      status,
      message,
    );
  }
  return new SheetsError('bad_request', `Google 表格拒绝了请求（HTTP ${status}）：${message}`, status, message);
}
