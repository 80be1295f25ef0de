/** Odd requests get a precise 400 in Chinese, never a 500: broken multipart bodies, odd terms and ids, non-xlsx files. */
import request from 'supertest';
import { bearer, openDistrict, type TestDistrict } from '../support/store';
import * as F from '../support/fixture-district';

describe('odd requests', () => {
  let d: TestDistrict;
  beforeAll(async () => {
    d = await openDistrict('sqlite', F.SCHOOLS, { now: () => F.NOW });
  });
  afterAll(() => d.dispose());
  const school = () => bearer(d.tokens['WTQ-A']);

  test('a multipart body cut off in the middle → 400 bad_multipart', async () => {
    const body = '--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\nPK\u0003\u0004abc';
    const res = await request(d.app).post('/api/v1/uploads?term=2025春').set('Authorization', school()).set('Content-Type', 'multipart/form-data; boundary=XYZ').send(body);
    expect([res.status, res.body.error.code]).toEqual([400, 'bad_multipart']);
    expect(res.body.error.message).toMatch(/表单/);
  });

  test('a multipart content type without a boundary → 400', async () => {
    const res = await request(d.app).post('/api/v1/uploads?term=2025春').set('Authorization', school()).set('Content-Type', 'multipart/form-data').send('x');
    expect(res.status).toBe(400);
  });

  test.each(['0000秋', '0001春', '9999秋'])('the term %s is refused (400 bad_term), for uploads and for the report', async (term) => {
    const up = await request(d.app).post(`/api/v1/uploads?term=${encodeURIComponent(term)}`).set('Authorization', school()).attach('file', Buffer.from('PK\u0003\u0004'), 'a.xlsx');
    expect([up.status, up.body.error.code]).toEqual([400, 'bad_term']);
    const rep = await request(d.app).get(`/api/v1/terms/${encodeURIComponent(term)}/report.xlsx`).set('Authorization', bearer(d.district));
    expect([rep.status, rep.body.error.code]).toEqual([400, 'bad_term']);
  });

  test.each(['0x10', '1e1', '+5', ' 7', '010'])('submission id %j is not a number the server guesses at → 400 bad_id', async (id) => {
    const res = await request(d.app).post(`/api/v1/submissions/${encodeURIComponent(id)}/return`).set('Authorization', bearer(d.district)).send({ comment: '请补充' });
    expect([res.status, res.body.error.code]).toEqual([400, 'bad_id']);
  });

  test('audit limit=0x10 → 400 bad_limit', async () => {
    const res = await request(d.app).get('/api/v1/audit?limit=0x10').set('Authorization', bearer(d.district));
    expect([res.status, res.body.error.code]).toEqual([400, 'bad_limit']);
  });

  test.each([
    ['an old .xls', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]), /旧版 \.xls/],
    ['an encrypted workbook', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(100), Buffer.from('EncryptionInfo', 'utf16le')]), /已加密/],
    ['an empty file', Buffer.alloc(0), /空文件/],
    ['a PDF', Buffer.from('%PDF-1.7\n'), /不是 Excel 工作簿/],
  ])('%s is named for what it is (400 bad_file)', async (_n, buf, reason) => {
    const res = await request(d.app).post('/api/v1/uploads?term=2025春').set('Authorization', school()).attach('file', buf, 'a.xlsx');
    expect([res.status, res.body.error.code]).toEqual([400, 'bad_file']);
    expect(res.body.error.message).toMatch(reason);
  });
});
