/** Every version of every submission: grouped by kind in the district's order, newest first, with its state. */
import type { SubmissionView } from '../../../../server/web/src/types';
import { groupByKind, versionState } from '../../../../server/web/src/views/versions';

const v = (kind: string, version: number, status = '已上报', current = false) => ({ kind, version, status, current }) as unknown as SubmissionView;

test('versions are grouped by kind in 名册, 课题, 课程, 反思, 论文 order, newest version first; none is dropped', () => {
  const subs = [v('papers', 1), v('roster', 1), v('papers', 3, '已上报', true), v('roster', 2, '已上报', true), v('papers', 2, '已退回'), v('unknown', 1)];
  const groups = groupByKind(subs);
  expect(groups.map((g) => [g.kind, g.versions.map((x) => x.version)])).toEqual([
    ['roster', [2, 1]],
    ['papers', [3, 2, 1]],
    ['unknown', [1]],
  ]);
  expect(groups.flatMap((g) => g.versions)).toHaveLength(subs.length);
});

test('a version is 已退回, 当前有效 or 历史版本', () => {
  expect(versionState(v('papers', 2, '已退回', true))).toBe('returned');
  expect(versionState(v('papers', 3, '已上报', true))).toBe('current');
  expect(versionState(v('papers', 1, '已上报', false))).toBe('old');
});
