/** One .xlsx file in a multipart body (form field `file`), held in memory, for the upload and definition routes. */
import type { RequestHandler } from 'express';
import multer from 'multer';
import { HttpError } from './errors';

/**
 * Parses a multipart body with one file of at most `bodyBytes`. multer's own limits answer 413/400
 * (http/errors.ts); anything else it raises is a body busboy could not parse (a cut-off upload, a missing
 * boundary): the client's fault, a 400, never a 500.
 */
export function singleFile(bodyBytes: number, fields: number): RequestHandler {
  // Browsers send a file name's UTF-8 bytes as they are; busboy's default (latin1) would turn 定义.xlsx into mojibake.
  const parse = multer({ storage: multer.memoryStorage(), defParamCharset: 'utf8', limits: { fileSize: bodyBytes, files: 1, fields, parts: fields + 5 } }).single('file');
  return (req, res, next) =>
    parse(req, res, (err?: unknown) => {
      if (!err || err instanceof multer.MulterError) return next(err);
      next(new HttpError(400, 'bad_multipart', '上传的表单数据不完整或格式不正确，请重新选择文件上传'));
    });
}
