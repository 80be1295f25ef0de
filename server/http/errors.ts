/** HTTP errors as data, and the one four-argument error handler that turns any failure into `{error:{code,message}}`. */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { ErrorBody } from '../../shared/contract';
import type { Finding } from '../../shared/findings/finding';
import type { DefinitionProblem } from '../../shared/registers/workbook';

/** A failure with its status, stable code and Chinese message (and the findings of a rejected upload). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly findings?: Finding[],
    readonly problems?: DefinitionProblem[],
  ) {
    super(message);
  }
}

/** 404 for any path no route answered. */
export const notFound: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, 'not_found', `没有这个地址：${req.method} ${req.path}`));
};

// Errors raised by body parsers and multer, mapped to the answers a client can act on.
function fromLibrary(err: { type?: string; code?: string; status?: number; field?: string }): HttpError | null {
  if (err.type === 'entity.too.large' || err.code === 'LIMIT_FILE_SIZE') return new HttpError(413, 'too_large', '请求过大：文件或数据不能超过 20 MB');
  if (err.type === 'entity.parse.failed') return new HttpError(400, 'bad_json', '请求内容不是有效的 JSON');
  if (err.code === 'LIMIT_UNEXPECTED_FILE') return new HttpError(400, 'bad_field', `上传字段应为 file，收到：${err.field ?? ''}`);
  if (typeof err.code === 'string' && err.code.startsWith('LIMIT_')) return new HttpError(413, 'too_large', '上传内容超出限制');
  if (err.type === 'encoding.unsupported' || err.type === 'charset.unsupported') return new HttpError(415, 'bad_encoding', '不支持的请求编码');
  if (typeof err.status === 'number' && err.status >= 400 && err.status < 500) return new HttpError(err.status, 'bad_request', '请求无效');
  return null;
}

/** The error handler: registered last; logs unexpected errors with their stack, never sends a stack. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const known = err instanceof HttpError ? err : fromLibrary(err ?? {});
    const e = known ?? new HttpError(500, 'internal', '服务器内部错误，请稍后重试');
    if (!known) logger.error({ err, method: req.method, path: req.path }, 'unhandled error');
    if (res.headersSent) {
      // A streamed answer (the report) failed midway: all we can do is cut the connection.
      res.destroy();
      return;
    }
    const body: ErrorBody = { error: { code: e.code, message: e.message } };
    if (e.findings) body.error.findings = e.findings;
    if (e.problems) body.error.problems = e.problems;
    res.status(e.status).json(body);
  };
}
