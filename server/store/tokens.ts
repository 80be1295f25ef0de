/** Tokens: random bearer secrets, stored only as SHA-256 hashes; issuing a school token revokes its old ones. */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from './schema';

/** Who a valid token belongs to. */
export interface Principal {
  role: 'district' | 'school';
  /** The school's code for a school token, null for the district. */
  school: string | null;
  /** First 12 hex digits of the token hash: identifies the caller in logs and rate limits without the secret. */
  tokenId: string;
}

/** SHA-256 (hex) of a token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A new random token; the prefix tells a person which kind it is. */
export function newToken(role: 'district' | 'school'): string {
  return `${role === 'district' ? 'ybd' : 'ybs'}_${randomBytes(24).toString('base64url')}`;
}

/** The principal of a presented token, or null when unknown or revoked. */
export async function lookupToken(db: Kysely<DB>, token: string): Promise<Principal | null> {
  const hash = hashToken(token);
  const row = await db
    .selectFrom('tokens')
    .select(['role', 'school_code'])
    .where('hash', '=', hash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  return { role: row.role, school: row.school_code, tokenId: hash.slice(0, 12) };
}

/** Issues a school token, revoking the school's previous ones in the same transaction. */
export async function issueSchoolToken(db: Kysely<DB>, school: string, now = new Date()): Promise<string> {
  const token = newToken('school');
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('tokens').set({ revoked_at: at }).where('school_code', '=', school).where('revoked_at', 'is', null).execute();
    await trx.insertInto('tokens').values({ hash: hashToken(token), role: 'school', school_code: school, created_at: at, revoked_at: null }).execute();
  });
  return token;
}

/** Issues an additional district token (earlier district tokens stay valid until revoked). */
export async function issueDistrictToken(db: Kysely<DB>, now = new Date()): Promise<string> {
  const token = newToken('district');
  await db
    .insertInto('tokens')
    .values({ hash: hashToken(token), role: 'district', school_code: null, created_at: now.toISOString(), revoked_at: null })
    .execute();
  return token;
}
