/**
 * The demo district: six schools of 五通桥区 with this term's registers, uploaded through the same ingest path
 * as real uploads (so the engine validates them), with one copied paper title and one near-copied reflection
 * planted across schools, one school that reported only part and one that has not reported yet.
 */
import { termOf, todayIso, type SheetInput } from '../../shared';
import { ingest } from '../upload/ingest';
import { audit } from '../store/audit';
import type { Store } from '../store/schema';
import { addSchool } from '../store/schools';
import { issueDistrictToken, issueSchoolToken } from '../store/tokens';
import { reflectionBody, rng, schoolRegisters } from './registers';

/** The demo schools (code, name, type) and which kinds each has reported. */
export const DEMO_SCHOOLS = [
  { code: 'WTQ-SY', name: '五通桥区实验小学', type: '小学', kinds: 'all' },
  { code: 'WTQ-ZG', name: '五通桥区竹根镇中心小学', type: '小学', kinds: 'all' },
  { code: 'WTQ-NH', name: '五通桥区牛华镇中心小学', type: '小学', kinds: 'all' },
  { code: 'WTQ-JS', name: '五通桥区金粟镇中心小学', type: '小学', kinds: 'all' },
  { code: 'WTQ-XB', name: '五通桥区西坝镇中心小学', type: '小学', kinds: 'roster+reflections' },
  { code: 'WTQ-GY', name: '五通桥区冠英镇九年制学校', type: '九年制', kinds: 'none' },
] as const;

/** Tokens issued for the demo (shown once at start; only their hashes are stored). */
export interface DemoTokens {
  term: string;
  district: string;
  schools: { code: string; name: string; token: string }[];
}

function rowsOf(sheets: SheetInput[], title: string): SheetInput {
  return sheets.find((s) => s.sheet === title)!;
}

/** Column index of a header in a generated grid (header on row 2, under the title row). */
function colOf(s: SheetInput, header: string): number {
  return s.grid[1].indexOf(header);
}

/** Plants a paper of `from` (its first one) under another teacher of `to`, and a near-copy of a reflection 正文. */
function plant(from: SheetInput[], to: SheetInput[], seed: number): void {
  const pa = rowsOf(from, '论文投稿');
  const pb = rowsOf(to, '论文投稿');
  const title = colOf(pa, '题目');
  if (pa.grid.length > 2 && pb.grid.length > 2) pb.grid[2][title] = pa.grid[2][title];
  const ra = rowsOf(from, '学月反思');
  const rb = rowsOf(to, '学月反思');
  const text = reflectionBody(rng(seed), '课堂提问的有效性');
  const col = colOf(ra, '正文');
  const words = colOf(ra, '字数');
  if (ra.grid.length > 2 && rb.grid.length > 2) {
    ra.grid[2][col] = text;
    ra.grid[2][words] = Array.from(text).length;
    // A few characters changed, as a copier does.
    const copy = text.replace('本月', '这个月').replace('发现', '看到');
    rb.grid[2][col] = copy;
    rb.grid[2][words] = Array.from(copy).length;
  }
}

/** Creates the demo district on an empty store; returns the tokens to print. */
export async function createDemoDistrict(store: Store, now = new Date()): Promise<DemoTokens> {
  const asOf = todayIso(now);
  const term = termOf(asOf);
  const district = await issueDistrictToken(store.db, now);
  const tokens: DemoTokens = { term, district, schools: [] };
  const registers = new Map<string, SheetInput[]>();
  DEMO_SCHOOLS.forEach((s, i) => registers.set(s.code, schoolRegisters({ code: s.code, name: s.name, term, asOf, seed: 1000 + i })));
  plant(registers.get('WTQ-SY')!, registers.get('WTQ-ZG')!, 7);
  for (const s of DEMO_SCHOOLS) {
    await addSchool(store.db, { code: s.code, name: s.name, type: s.type }, now);
    tokens.schools.push({ code: s.code, name: s.name, token: await issueSchoolToken(store.db, s.code, now) });
    if (s.kinds === 'none') continue;
    let sheets = registers.get(s.code)!;
    if (s.kinds === 'roster+reflections') sheets = sheets.filter((x) => x.sheet === '教师名册' || x.sheet === '学月反思');
    await ingest(store, { school: s.code, term, sheets, idemKey: `demo-${s.code}`, source: 'demo', actor: 'demo' }, { now });
  }
  await audit(store.db, { actor: 'demo', action: 'demo', target: term, detail: { schools: DEMO_SCHOOLS.length } }, now);
  return tokens;
}
