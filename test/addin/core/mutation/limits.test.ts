/**
 * addin/core/limits.ts (issue 15's surviving mutants): Excel's documented limits as numbers, the payload errors,
 * a cell's JSON size and the write budget that decides when to sync.
 */
import { ACTION_BYTES, cellBytes, HOST_LIMITS, isPayloadError, PAYLOAD_BUDGET, PAYLOAD_ERRORS, WriteBudget } from '../../../../addin/core/limits';

test("the hosts' limits: 5 MB per sync on the web, 512 merged areas per call, 255-character lists, 20,000-row blocks", () => {
  expect(HOST_LIMITS).toEqual({ payloadBytes: 5_242_880, mergedAreas: 512, validationListChars: 255, blockRows: 20_000 });
  expect([PAYLOAD_BUDGET, ACTION_BYTES]).toEqual([4_000_000, 600]);
});

test('a payload error is either direction of the size limit, read from the error code', () => {
  expect(PAYLOAD_ERRORS).toEqual(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded']);
  expect([
    isPayloadError({ code: 'RequestPayloadSizeLimitExceeded' }),
    isPayloadError({ code: 'ResponsePayloadSizeLimitExceeded' }),
    isPayloadError({ code: 'InvalidArgument' }),
    isPayloadError({}),
    isPayloadError(null),
    isPayloadError(undefined),
    isPayloadError(new Error('RequestPayloadSizeLimitExceeded')),
  ]).toEqual([true, true, false, false, false, false, false]);
});

test('a cell in JSON: quotes and comma, 1 byte for ASCII, 2 for an escaped one or Latin, 3 for CJK; other values as a number', () => {
  expect([cellBytes(''), cellBytes('abc'), cellBytes('"'), cellBytes('\\'), cellBytes('\n'), cellBytes('\u007f'), cellBytes(' ')]).toEqual([3, 6, 5, 5, 5, 4, 4]);
  expect([cellBytes('é'), cellBytes('\u07ff'), cellBytes('\u0800'), cellBytes('张伟')]).toEqual([5, 5, 6, 9]);
  expect([cellBytes(null), cellBytes(undefined), cellBytes(0), cellBytes(45123.5), cellBytes(true)]).toEqual([3, 3, 12, 12, 12]);
});

describe('WriteBudget', () => {
  test('each action adds 600 bytes to its values; reaching the budget answers true and starts afresh', () => {
    const b = new WriteBudget(2000);
    expect(b.add(800)).toBe(false); // 1400
    expect(b.add(0, 0)).toBe(false); // still 1400
    expect(b.add(0, 1)).toBe(true); // 2000: the budget is reached
    expect(b.add(1399)).toBe(false); // afresh: 1999
    expect(b.add(1, 0)).toBe(true);
  });

  test('several actions at once, and the default budget of 4,000,000 bytes', () => {
    const b = new WriteBudget();
    expect(b.add(3_994_000, 9)).toBe(false); // 3,999,400
    expect(b.add(599, 0)).toBe(false); // 3,999,999
    expect(b.add(1, 0)).toBe(true);
  });

  test('reset forgets what was reckoned', () => {
    const b = new WriteBudget(2000);
    expect(b.add(800)).toBe(false);
    b.reset();
    expect(b.add(800)).toBe(false);
    b.reset();
    expect(b.add(1399)).toBe(false);
  });
});
