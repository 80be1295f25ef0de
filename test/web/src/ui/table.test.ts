/** Sorting of the summary table: numbers as numbers, Chinese by pinyin collation, missing values always last. */
import { compareValues, groupRuns, sortRows } from '../../../../server/web/src/ui/table';

test('numbers sort numerically in both directions with nulls last', () => {
  const rows = [{ v: 10 }, { v: null }, { v: 2 }, { v: 33 }, { v: undefined }];
  expect(sortRows(rows, (r) => r.v, 'asc').map((r) => r.v)).toEqual([2, 10, 33, null, undefined]);
  expect(sortRows(rows, (r) => r.v, 'desc').map((r) => r.v)).toEqual([33, 10, 2, null, undefined]);
});

test('equal values keep their original order (stable)', () => {
  const rows = [{ k: 'a', v: 1 }, { k: 'b', v: 1 }, { k: 'c', v: 0 }];
  expect(sortRows(rows, (r) => r.v, 'desc').map((r) => r.k)).toEqual(['a', 'b', 'c']);
});

test('Chinese text compares in zh-Hans collation', () => {
  expect(compareValues('北京', '上海')).toBeLessThan(0);
  expect(compareValues(null, 1)).toBeGreaterThan(0);
});

test('groupRuns merges consecutive columns of one group', () => {
  const cols = [{ group: '' }, { group: '教师' }, { group: '教师' }, { group: '论文' }] as any;
  expect(groupRuns(cols)).toEqual([
    { label: '', span: 1 },
    { label: '教师', span: 2 },
    { label: '论文', span: 1 },
  ]);
});
