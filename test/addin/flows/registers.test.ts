/**
 * The add-in with a district's own registers, on the Excel stand-in against the real district app on 127.0.0.1:
 * connecting fetches the definition and keeps it in the workbook's document settings; 校验 and 结构化 then use it
 * (a 听课记录 sheet recognised, its 节数 range applied, its template with the district's 学科 list), offline too.
 */
import { compiledOf } from '../../../addin/core/registers';
import { newTemplateSheet } from '../../../addin/flows/structure';
import { validateAndMark } from '../../../addin/flows/validate';
import { keptDefinition, KEYS, refreshDefinition, validateOptions } from '../../../addin/pane/state';
import { storeDefinition } from '../../../server/store/registers';
import { parseDefinitionWorkbook } from '../../../shared/registers/workbook';
import { districtBDefinition } from '../../fixtures/registers/district-b';
import { startDistrictApp, type DistrictApp } from '../../support/district-app';
import { useHost } from '../../support/excel-host-jest';

let app: DistrictApp, base: string, token: string;

beforeAll(async () => {
  app = await startDistrictApp((store) => storeDefinition(store.db, parseDefinitionWorkbook(districtBDefinition()).definition!, 'test'));
  ({ base, token } = app);
});

afterAll(() => app.close());

const visits = [
  ['日期', '听课教师', '授课教师', '学科', '课题', '节数'],
  ['2025-03-11', '张伟', '王芳', '语文', '《春》', 2],
  ['2025-03-18', '张伟', '王芳', '语', '《背影》', 12],
];
const workbook = () => useHost((m) => {
  m.addSheet('教师名册').setGrid([['姓名', '学科'], ['张伟', '语文']]);
  m.addSheet('听课').setGrid(visits);
  m.settings[KEYS.term] = '2025春';
});

test('without a district definition the built-in registers apply: 听课记录 is not one of them', async () => {
  workbook();
  expect(keptDefinition()).toBeNull();
  const run = await validateAndMark(validateOptions());
  expect(run.result.sheets.find((s) => s.sheet === '听课')!.kind).not.toBe('lesson_visits');
});

test("connecting keeps the district's definition in the workbook; 校验 and 修正 use it, offline too", async () => {
  const host = workbook();
  const kept = await refreshDefinition({ base, token });
  expect([kept.version, kept.definition.registers.map((r) => r.code)]).toEqual([1, ['roster', 'reflections', 'lesson_visits']]);
  // Saved into the document (it travels with the workbook), not only kept in memory.
  expect((host.model.savedSettings?.[KEYS.registers] as { version: number }).version).toBe(1);

  const run = await validateAndMark(validateOptions());
  const sheet = run.result.sheets.find((s) => s.sheet === '听课')!;
  expect(sheet.kind).toBe('lesson_visits');
  // The district's 节数 range (1–10) and its 学科 alias 语 → 语文 (a fixable warning).
  expect(sheet.findings.map((f) => [f.code, f.row, f.field, f.fix ?? null])).toEqual([
    ['alias', 3, '学科', '语文'],
    ['max', 3, '节数', null],
  ]);

  // Reopened later with no network: the kept definition still applies.
  const saved = JSON.parse(JSON.stringify(host.model.savedSettings));
  const offline = useHost((m) => {
    m.addSheet('听课').setGrid(visits);
    Object.assign(m.settings, saved);
  });
  await expect(refreshDefinition({ base: 'http://127.0.0.1:9', token })).rejects.toMatchObject({ code: 'offline' });
  expect(keptDefinition()?.version).toBe(1);
  const again = await validateAndMark(validateOptions());
  expect(again.result.sheets[0].kind).toBe('lesson_visits');
  expect(offline.model.sheet('听课')!.fillAt('F3')).not.toBeNull(); // the 节数 error is marked
});

test("结构化 offers the district's registers: a 听课记录 template with its 学科 list", async () => {
  const host = workbook();
  await refreshDefinition({ base, token });
  const out = await newTemplateSheet('lesson_visits', compiledOf(keptDefinition()));
  expect(out.sheet).toBe('听课记录');
  const s = host.model.sheet('听课记录')!;
  expect(s.grid()[0]).toEqual(['日期*', '听课教师*', '授课教师*', '学科*', '课题*', '节数*']);
  expect(s.validations.map((v) => [v.address, v.source])).toEqual([['D2:D501', '语文,数学,英语,道德与法治,科学']]);
});
