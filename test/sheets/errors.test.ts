/** toSheetsError: each Google failure gets a stable code, the right retry decision, and a message naming what to do. */
import { SheetsError, toSheetsError } from '../../server/sheets/errors';

/** An error shaped like googleapis' GaxiosError for a Google error body. */
function gaxios(status: number, googleStatus: string, message: string) {
  return Object.assign(new Error(message), { status, response: { status, data: { error: { code: status, message, status: googleStatus } } } });
}

const ctx = { spreadsheetId: '1AbC', account: 'svc@p.iam.gserviceaccount.com', range: 'A1:Z', action: 'publish' as const };

test.each([
  [gaxios(401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials.'), 'unauthenticated', false],
  [gaxios(403, 'PERMISSION_DENIED', 'The caller does not have permission'), 'forbidden', false],
  [gaxios(404, 'NOT_FOUND', 'Requested entity was not found.'), 'not_found', false],
  [gaxios(429, 'RESOURCE_EXHAUSTED', "Quota exceeded for quota metric 'Write requests'"), 'quota', true],
  [gaxios(500, 'INTERNAL', 'Internal error encountered.'), 'unavailable', true],
  [gaxios(503, 'UNAVAILABLE', 'The service is currently unavailable.'), 'unavailable', true],
  [gaxios(400, 'FAILED_PRECONDITION', 'This operation is not supported for this document'), 'not_native', false],
  [gaxios(400, 'INVALID_ARGUMENT', 'Unable to parse range: A1:Z'), 'bad_range', false],
  [gaxios(400, 'INVALID_ARGUMENT', 'Invalid requests[0].addSheet: oops'), 'bad_request', false],
  [Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }), 'network', true],
])('%s → %s', (err, code, retryable) => {
  const e = toSheetsError(err, ctx);
  expect(e).toBeInstanceOf(SheetsError);
  expect(e.code).toBe(code);
  expect(e.retryable).toBe(retryable);
  expect(e.message).toMatch(/[\u4e00-\u9fff]/);
  expect(e.detail).toBe(err.message);
});

test('403 names the service account and the right role; without one it says which account to use', () => {
  const e = toSheetsError(gaxios(403, 'PERMISSION_DENIED', 'x'), ctx);
  expect(e.message).toContain('svc@p.iam.gserviceaccount.com');
  expect(e.message).toContain('编辑者');
  const imp = toSheetsError(gaxios(403, 'PERMISSION_DENIED', 'x'), { spreadsheetId: '1AbC', action: 'import' });
  expect(imp.message).toContain('查看者');
  expect(imp.message).toContain('研表所用的 Google 账号');
});

test('a SheetsError passes through unchanged', () => {
  const e = new SheetsError('not_configured', '未配置');
  expect(toSheetsError(e, ctx)).toBe(e);
});
