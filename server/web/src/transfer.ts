/**
 * Long transfers with progress: uploads go through XMLHttpRequest (fetch has no upload progress), downloads
 * are read as a stream so the bar moves while the server is still writing the report.
 */
import { ApiError, authHeaders, errorFrom, failed, networkError } from './api';
import { dispositionName } from './format';

/** Progress of a transfer: bytes done and, when known, the total. */
export interface Progress {
  loaded: number;
  total: number | null;
  /** 'send' while the file goes up, 'wait' while the server validates, 'receive' while a download comes in. */
  phase: 'send' | 'wait' | 'receive';
}

/** The answer of an upload: the HTTP status and parsed JSON body (201 receipt or 422 findings). */
export interface UploadAnswer {
  status: number;
  body: unknown;
}

/** POSTs (or PUTs) one file as multipart field `file`; resolves on 201 and 422 (both carry data), rejects otherwise. */
export function uploadFile(url: string, file: File, onProgress: (p: Progress) => void, headers: Record<string, string> = {}, method: 'POST' | 'PUT' = 'POST'): Promise<UploadAnswer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    for (const [k, v] of Object.entries(authHeaders(headers))) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => onProgress({ loaded: e.loaded, total: e.lengthComputable ? e.total : null, phase: 'send' });
    // Once the last byte is sent the server is validating: say so instead of sitting at 100%.
    xhr.upload.onload = () => onProgress({ loaded: file.size, total: file.size, phase: 'wait' });
    xhr.onerror = () => reject(networkError());
    xhr.ontimeout = () => reject(new ApiError(0, 'timeout', '服务器长时间没有响应，请稍后重试。'));
    xhr.onload = () => {
      const text = xhr.responseText;
      if (xhr.status === 201 || xhr.status === 200 || xhr.status === 422) {
        try {
          resolve({ status: xhr.status, body: JSON.parse(text) });
        } catch {
          reject(new ApiError(xhr.status, 'bad_json', '服务器返回的内容无法识别，请稍后重试。'));
        }
        return;
      }
      reject(failed(errorFrom(xhr.status, text)));
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** A downloaded file: its bytes and the name the server suggested. */
export interface Downloaded {
  blob: Blob;
  name: string;
}

/** GETs a file with the token, reporting progress as the body streams in. */
export async function downloadFile(url: string, fallbackName: string, onProgress: (p: Progress) => void): Promise<Downloaded> {
  let res: Response;
  try {
    res = await fetch(url, { headers: authHeaders(), cache: 'no-store', credentials: 'omit' });
  } catch {
    throw networkError();
  }
  if (!res.ok) {
    const text = await res.text().catch(() => '');
    throw failed(errorFrom(res.status, text));
  }
  const lengthHeader = res.headers.get('Content-Length');
  const total = lengthHeader && /^\d+$/.test(lengthHeader) ? Number(lengthHeader) : null;
  const type = res.headers.get('Content-Type') ?? 'application/octet-stream';
  const name = dispositionName(res.headers.get('Content-Disposition')) ?? fallbackName;
  onProgress({ loaded: 0, total, phase: 'receive' });
  if (!res.body) {
    const blob = await res.blob();
    onProgress({ loaded: blob.size, total: blob.size, phase: 'receive' });
    return { blob, name };
  }
  const reader = res.body.getReader();
  const parts: Uint8Array[] = [];
  let loaded = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      loaded += value.byteLength;
      onProgress({ loaded, total, phase: 'receive' });
    }
  } catch {
    throw new ApiError(0, 'network', '下载中断，请重试。');
  }
  return { blob: new Blob(parts as BlobPart[], { type }), name };
}

/** Hands a downloaded file to the browser as a normal download. */
/** POSTs a file and takes a file back (修正): the fixed workbook, its name, and the server's counts. */
export async function postForFile(url: string, file: File, fallbackName: string): Promise<Downloaded & { fixed: number; remainingErrors: number }> {
  const form = new FormData();
  form.append('file', file, file.name);
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers: authHeaders(), body: form, cache: 'no-store', credentials: 'omit' });
  } catch {
    throw networkError();
  }
  if (!res.ok) throw failed(errorFrom(res.status, await res.text().catch(() => '')));
  const name = dispositionName(res.headers.get('Content-Disposition')) ?? fallbackName;
  return { blob: await res.blob(), name, fixed: Number(res.headers.get('X-Yanbiao-Fixed') ?? 0), remainingErrors: Number(res.headers.get('X-Yanbiao-Remaining-Errors') ?? 0) };
}

export function saveFile(file: Downloaded): void {
  const url = URL.createObjectURL(file.blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * The contract's header name, repeated here because importing shared/contract at run time would bundle zod into
 * the page; a unit test holds the two equal.
 */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** A random Idempotency-Key (getRandomValues works on plain http too, unlike randomUUID). */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return `web-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
