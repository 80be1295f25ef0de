/** 上报情况 shows when a school reported in the schools' own clock. */
import { beijingTime } from '../../server/report/status-sheet';

test('submission times show in Beijing time', () => {
  expect(beijingTime('2025-03-31T17:30:00.000Z')).toBe('2025-04-01 01:30');
  expect([beijingTime(null), beijingTime('garbage')]).toEqual([undefined, undefined]);
});
