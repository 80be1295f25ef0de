/** Runs a transaction, retrying when a concurrent writer got there first (unique version taken, serialisation, busy). */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema';

/** True for errors that mean "another writer won; try again", in either engine. */
export function isRetryable(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return (
    code === '23505' || // pg unique_violation
    code === '40001' || // pg serialization_failure
    code === '40P01' || // pg deadlock_detected
    code === 'SQLITE_BUSY' ||
    code === 'SQLITE_BUSY_SNAPSHOT' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/** True when the error is a unique-constraint violation. */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** `db.transaction()` with up to `attempts` tries and a small random back-off between them. */
export async function transact<T>(db: Kysely<DB>, work: (trx: Transaction<DB>) => Promise<T>, attempts = 12): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await db.transaction().execute(work);
    } catch (err) {
      if (i >= attempts || !isRetryable(err)) throw err;
      await new Promise((r) => setTimeout(r, Math.random() * 20 * i));
    }
  }
}
