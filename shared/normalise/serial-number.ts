/** Journal numbers: ISSN (`NNNN-NNNC`, check digit verified) and CN numbers (`CN 11-1234/G4`), alone or together. */
import type { Cell } from '../types';
import { cellText, toHalfWidth } from '../text';
import { err, ok, type Norm } from './result';

/** The ISSN check character (0-9 or X) for its first seven digits. */
export function issnCheckDigit(first7: string): string {
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += Number(first7[i]) * (8 - i);
  const r = (11 - (sum % 11)) % 11;
  return r === 10 ? 'X' : String(r);
}

/** Is `1234-5679` a valid ISSN (format and check digit)? */
export function isValidIssn(issn: string): boolean {
  const m = /^(\d{4})-?(\d{3})([\dX])$/i.exec(issn);
  return !!m && issnCheckDigit(m[1] + m[2]) === m[3].toUpperCase();
}

const ISSN_RE = /ISSN\s*[:：]?\s*(\d{4})\s*-?\s*(\d{3}[\dXx])/i;
const BARE_ISSN_RE = /^(\d{4})-(\d{3}[\dXx])$/;
const CN_RE = /CN\s*[:：]?\s*(\d{2})\s*-\s*(\d{4})\s*\/\s*([A-Z](?:\d{1,2})?)/i;

/** Parsed 刊号: canonical text `ISSN 1234-5679 CN 51-1234/G4` (either part may be absent). */
export function parseJournalNumber(v: Cell): Norm<string> {
  const s = toHalfWidth(cellText(v)).toUpperCase();
  const issnM = ISSN_RE.exec(s) || BARE_ISSN_RE.exec(s);
  const cnM = CN_RE.exec(s);
  if (!issnM && !cnM) return err('pattern', { expected: 'ISSN 1234-5679 或 CN 11-1234/G4' });
  const parts: string[] = [];
  if (issnM) {
    const issn = `${issnM[1]}-${issnM[2].toUpperCase()}`;
    if (!isValidIssn(issn)) return err('checksum', { expected: issnCheckDigit(issnM[1] + issnM[2].slice(0, 3)) });
    parts.push(`ISSN ${issn}`);
  }
  if (cnM) parts.push(`CN ${cnM[1]}-${cnM[2]}/${cnM[3].toUpperCase()}`);
  return ok(parts.join(' '));
}
