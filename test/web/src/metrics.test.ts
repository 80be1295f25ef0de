/** The metric columns read the summary's shape and mark the two district targets. */
import { METRICS, targetState } from '../../../server/web/src/metrics';

const byKey = (k: string) => METRICS.find((m) => m.key === k)!;

test('exactly the two DOMAIN.md targets are marked, both at 1 (一篇 / 100%)', () => {
  expect(METRICS.filter((m) => m.target !== undefined).map((m) => [m.key, m.target])).toEqual([
    ['papers.qualified', 1],
    ['papers.under40', 1],
  ]);
});

test('targetState: met at or above the target, missed below, nothing for a missing value or a metric without target', () => {
  const q = byKey('papers.qualified');
  expect([targetState(q, 1), targetState(q, 0.99999999999), targetState(q, 1.4), targetState(q, 0.97), targetState(q, null)]).toEqual(['met', 'met', 'met', 'missed', undefined]);
  expect(targetState(byKey('teachers'), 40)).toBeUndefined();
});

test('accessors read the summary line the server sends', () => {
  const line = {
    teachers: 36,
    under40: 15,
    reflections: { months: [], expected: 144, submitted: 134, onTime: 130, excellent: 40, rate: 0.9306, onTimeRate: 0.97, excellentRate: 0.3 },
    papers: { count: 22, perTeacher: 0.61, qualified: 7, qualifiedPerTeacher: 0.19, published: 1, under40Authors: 9, under40Participation: 0.6, awards: {} },
    projects: { count: 6, byLevelStage: {}, active: 6, overdue: 1, newThisTerm: 2 },
    courses: { count: 40, byTypeLevel: {}, publicLessons: 12, publicLessonsPerTeacher: 0.33, trainingHours: 48, trainingHoursPerTeacher: 1.33 },
  };
  expect(METRICS.map((m) => m.format(m.get(line)))).toEqual(['36', '15', '144', '134', '93.1%', '97%', '30%', '22', '0.61', '0.19', '1', '60%', '6', '6', '1', '40', '0.33', '1.33']);
});
