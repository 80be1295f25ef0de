/** What a normaliser returns: a value, or the finding code that explains why there is none. */
import type { FindingCode } from '../findings/codes';
import type { FindingParams } from '../findings/finding';

/** Normalised value, possibly with a fixable note (alias/spacing) and its safe fix. */
export interface NormOk<T> {
  ok: true;
  value: T;
  /** A fixable finding to report even though the value was understood. */
  note?: { code: FindingCode; fix: string | number; params?: FindingParams };
}

/** The cell could not be understood. */
export interface NormErr {
  ok: false;
  code: FindingCode;
  params?: FindingParams;
}

export type Norm<T> = NormOk<T> | NormErr;

/** Shorthand constructors. */
export const ok = <T>(value: T, note?: NormOk<T>['note']): NormOk<T> => (note ? { ok: true, value, note } : { ok: true, value });
export const err = (code: FindingCode, params?: FindingParams): NormErr => (params ? { ok: false, code, params } : { ok: false, code });
