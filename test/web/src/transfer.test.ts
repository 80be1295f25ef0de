/** Upload retries carry the contract's Idempotency-Key header with a fresh random key per attempt. */
import { IDEMPOTENCY_HEADER as CONTRACT_HEADER } from '../../../shared/contract';
import { IDEMPOTENCY_HEADER, newIdempotencyKey } from '../../../server/web/src/transfer';

test('the page sends the header the contract names', () => {
  expect(IDEMPOTENCY_HEADER).toBe(CONTRACT_HEADER);
});

test('keys are random, short enough for the server (≤ 200) and distinct', () => {
  const keys = new Set(Array.from({ length: 50 }, () => newIdempotencyKey()));
  expect(keys.size).toBe(50);
  for (const k of keys) expect(k).toMatch(/^web-[0-9a-f]{32}$/);
});
