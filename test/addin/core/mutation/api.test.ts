/**
 * addin/core/api.ts against answers a real server gives rarely (issue 15's surviving mutants): 403, 429, 5xx, a
 * proxy's HTML page, a malformed body. fetch is replaced by a function returning real Response objects; the
 * happy paths run against the real district app in ../api.test.ts.
 */
import { ApiError, fetchRegisters, fetchReport, listSubmissions } from '../../../../addin/core/api';

const target = { base: 'https://yanbiao.example.cn', token: 'tok' };
let calls: { url: string; init: RequestInit }[] = [];

function answer(status: number, body: string, type = 'application/json'): void {
  calls = [];
  global.fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(body, { status, headers: { 'Content-Type': type } });
  }) as typeof fetch;
}

const realFetch = global.fetch;
afterAll(() => {
  global.fetch = realFetch;
});

/** The ApiError a call ends in, as plain data. */
async function failure(p: Promise<unknown>): Promise<{ name: string; status: number; code: string; message: string; findings: unknown[] }> {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(ApiError);
  const { name, status, code, message, findings } = e as ApiError;
  return { name, status, code, message, findings };
}

const errorBody = (code: string, message: string) => JSON.stringify({ error: { code, message } });

test('the base address loses its trailing slashes; the token goes as a Bearer header', async () => {
  answer(200, 'xlsx');
  await fetchReport({ base: 'https://yanbiao.example.cn//', token: 'tok' }, '2025春');
  expect(calls[0].url).toBe('https://yanbiao.example.cn/api/v1/terms/2025%E6%98%A5/report.xlsx');
  expect((calls[0].init.headers as Record<string, string>).Authorization).toBe('Bearer tok');
});

test('missing settings are named before any request, as ApiError with status 0', async () => {
  answer(200, '{}');
  expect(await failure(listSubmissions({ base: '', token: 'tok' }, '2025春'))).toEqual({ name: 'ApiError', status: 0, code: 'no_server', message: '请先在“上传”面板的设置中填写服务器地址。', findings: [] });
  expect(await failure(listSubmissions({ base: 'https://yanbiao.example.cn', token: '' }, '2025春'))).toEqual({ name: 'ApiError', status: 0, code: 'no_token', message: '请先在“上传”面板的设置中填写上报令牌。', findings: [] });
  expect(calls).toEqual([]);
});

test('403: the server’s own message when it gives one, else a default', async () => {
  answer(403, errorBody('forbidden', '学校令牌不能下载全区明细'));
  expect(await failure(fetchReport(target, '2025春'))).toMatchObject({ status: 403, code: 'forbidden', message: '学校令牌不能下载全区明细' });
  answer(403, errorBody('forbidden', ''));
  expect(await failure(fetchReport(target, '2025春'))).toMatchObject({ status: 403, code: 'forbidden', message: '此令牌无权执行该操作。' });
});

test('401 and 429 always get their own message, whatever the body says', async () => {
  answer(401, errorBody('unauthorized', 'token expired'));
  expect(await failure(fetchReport(target, '2025春'))).toMatchObject({ status: 401, code: 'unauthorized', message: '上报令牌无效或已过期，请在设置中重新填写。' });
  answer(429, errorBody('rate_limited', 'too many'));
  expect(await failure(fetchReport(target, '2025春'))).toMatchObject({ status: 429, code: 'rate_limited', message: '请求过于频繁，请稍后再试。' });
});

test('5xx: the status, and the server’s message when there is one', async () => {
  answer(500, errorBody('internal', '数据库不可用'));
  expect(await failure(fetchReport(target, '2025春'))).toMatchObject({ status: 500, code: 'internal', message: '服务器出错（500）：数据库不可用，请稍后再试或联系区教科室。' });
  answer(502, '<html>502 Bad Gateway</html>', 'text/html');
  expect(await failure(fetchReport(target, '2025春'))).toMatchObject({ status: 502, code: 'http_502', message: '服务器出错（502），请稍后再试或联系区教科室。' });
  answer(499, '<html>no</html>', 'text/html');
  expect(await failure(fetchReport(target, '2025春'))).toMatchObject({ status: 499, code: 'http_499', message: '请求失败（499）。' });
});

test('other 4xx: the server’s message, else the status; findings come along', async () => {
  answer(404, errorBody('not_found', '没有这个学期'));
  expect(await failure(fetchReport(target, '2025春'))).toMatchObject({ status: 404, code: 'not_found', message: '没有这个学期', findings: [] });
  answer(404, 'not json', 'text/plain');
  expect(await failure(fetchReport(target, '2025春'))).toEqual({ name: 'ApiError', status: 404, code: 'http_404', message: '请求失败（404）。', findings: [] });
});

test('a 200 whose body is not what the contract says is bad_response', async () => {
  answer(200, '<html>captive portal</html>', 'text/html');
  expect(await failure(listSubmissions(target, '2025春'))).toEqual({
    name: 'ApiError',
    status: 200,
    code: 'bad_response',
    message: '服务器的答复格式不正确，请确认服务器地址指向研表服务器。',
    findings: [],
  });
  answer(200, JSON.stringify({ version: 1, definition: { registers: 'none' } }));
  expect(await failure(fetchRegisters(target))).toMatchObject({ status: 200, code: 'bad_response' });
  answer(200, JSON.stringify({ version: '1', definition: {} }));
  expect(await failure(fetchRegisters(target))).toMatchObject({ status: 200, code: 'bad_response' });
});
