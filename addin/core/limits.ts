/**
 * The documented limits of real Excel hosts, in one place. Every read and write the add-in makes is planned against
 * these; tests run the add-in against a stand-in that enforces them (test/support/excel-host-core.ts).
 */
export const HOST_LIMITS = {
  /**
   * Excel on the web: a request and a response of one `context.sync()` may each be at most 5 MB; past it Excel throws
   * `RequestPayloadSizeLimitExceeded` / `ResponsePayloadSizeLimitExceeded` ("Resource limits and performance
   * optimization for Office Add-ins", Excel add-ins). Other hosts have no such limit, so the add-in plans for it on all.
   */
  payloadBytes: 5 * 1024 * 1024,
  /**
   * `Range.getMergedAreasOrNullObject()` fails when the range holds more than 512 merged areas (its @types/office-js
   * remarks), and a failed call fails the whole sync it is in.
   */
  mergedAreas: 512,
  /** A list data validation's source is at most 255 characters (Excel's data-validation limits). */
  validationListChars: 255,
  /** Rows per block Microsoft suggests for reading or writing large ranges ("Read or write to a large range"). */
  blockRows: 20_000,
} as const;

/** What one sync is planned to carry: the 5 MB limit less headroom for JSON framing and estimate error. */
export const PAYLOAD_BUDGET = 4_000_000;

/**
 * What each queued action (a getRange, a property set, a method call) is reckoned to add to a request besides its
 * values: Microsoft's guidance that 10,000 single-cell writes in one batch are likely to pass 5 MB puts it near 500
 * bytes; planned at 600 to stay on the safe side.
 */
export const ACTION_BYTES = 600;

/** Error codes of a sync refused for its size (either direction). */
export const PAYLOAD_ERRORS: readonly string[] = ['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded'];

/** True for an error Excel raises when a request or its response passes the payload limit. */
export function isPayloadError(err: unknown): boolean {
  return PAYLOAD_ERRORS.includes((err as { code?: string } | null)?.code ?? '');
}

/** Bytes a cell value takes in a request or response (JSON, UTF-8: a CJK character is 3 bytes). */
export function cellBytes(v: unknown): number {
  if (typeof v === 'string') {
    let n = 3; // quotes and comma
    for (let i = 0; i < v.length; i++) {
      const c = v.charCodeAt(i);
      n += c < 0x80 ? (c === 34 || c === 92 || c < 0x20 ? 2 : 1) : c < 0x800 ? 2 : 3;
    }
    return n;
  }
  return v === null || v === undefined ? 3 : 12;
}

/**
 * Counts what a batch of writes will carry, so a caller can sync before it passes the budget:
 * `if (b.add(bytes)) await context.sync()` — `add` answers true when the actions queued so far should go now.
 */
export class WriteBudget {
  private used = 0;
  constructor(private readonly limit = PAYLOAD_BUDGET) {}
  /** Reckons `actions` actions carrying `bytes` of values; true when this reaches the budget (then starts afresh). */
  add(bytes: number, actions = 1): boolean {
    this.used += bytes + actions * ACTION_BYTES;
    if (this.used < this.limit) return false;
    this.used = 0;
    return true;
  }
  /** Forgets what was reckoned (after a sync made elsewhere). */
  reset(): void {
    this.used = 0;
  }
}
