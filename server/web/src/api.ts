/** JSON calls to the server: Bearer token, no caching, and every failure turned into one Chinese ApiError. */
import { getToken } from './session';

/** A failed call: the server's `{error:{code,message}}`, or a network/format failure in the same shape. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Called when the server says the token is no longer valid (401), so the page can sign out. */
let onUnauthorized: (err: ApiError) => void = () => {};

/** Registers what to do on a 401. */
export function setUnauthorizedHandler(fn: (err: ApiError) => void): void {
  onUnauthorized = fn;
}

/** Request headers with the token (and nothing cached by the browser between sign-ins). */
export function authHeaders(extra: Record<string, string> = {}): Record<string, string> {
  const token = getToken();
  return { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...extra };
}

/** Builds the ApiError for a non-2xx answer from its status and (possibly non-JSON) body text. */
export function errorFrom(status: number, text: string): ApiError {
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  const e = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  if (e && typeof e.message === 'string' && e.message) {
    return new ApiError(status, typeof e.code === 'string' ? e.code : 'error', e.message, body);
  }
  return new ApiError(status, `http_${status}`, fallbackMessage(status), body);
}

/** A Chinese message for a status the server did not explain. */
export function fallbackMessage(status: number): string {
  if (status === 401) return '登录已失效，请重新登录。';
  if (status === 403) return '没有权限查看或操作这项内容。';
  if (status === 404) return '没有找到请求的内容。';
  if (status === 413) return '文件太大，服务器拒绝接收。';
  if (status === 429) return '请求过于频繁，请稍后再试。';
  if (status >= 500) return `服务器出错（${status}），请稍后重试。`;
  return `请求失败（${status}）。`;
}

/** The error for a request that never got an answer. */
export function networkError(): ApiError {
  return new ApiError(0, 'network', '无法连接服务器，请检查网络后重试。');
}

/** Handles a failed answer: reports 401 to the sign-out handler, then returns the error to throw. */
export function failed(err: ApiError): ApiError {
  if (err.status === 401) onUnauthorized(err);
  return err;
}

/** GET or POST JSON; resolves with the parsed body, rejects with an ApiError. */
export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: init.method ?? 'GET',
      headers: authHeaders(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
      cache: 'no-store',
      credentials: 'omit',
    });
  } catch {
    throw networkError();
  }
  let text: string;
  try {
    text = await res.text();
  } catch {
    throw networkError();
  }
  if (!res.ok) throw failed(errorFrom(res.status, text));
  try {
    return (text ? JSON.parse(text) : {}) as T;
  } catch {
    throw new ApiError(res.status, 'bad_json', '服务器返回的内容无法识别，请稍后重试。');
  }
}

/** encodeURIComponent for a path segment (terms carry Chinese characters). */
export function seg(s: string): string {
  return encodeURIComponent(s);
}
