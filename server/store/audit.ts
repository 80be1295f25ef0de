/** The audit log: who uploaded, returned, issued tokens or set deadlines, and when. */
import type { Kysely } from 'kysely';
import type { DB } from './schema';

/** One audit entry to record. `actor` is `district:<tokenId>`, `school:<code>:<tokenId>` or `cli`. */
export interface AuditEntry {
  actor: string;
  action: 'upload' | 'return' | 'token' | 'district-token' | 'add-school' | 'deadline' | 'demo' | 'registers' | 'reminder';
  school?: string | null;
  target?: string | null;
  detail?: unknown;
}

/** Appends an entry (inside the caller's transaction when given one). */
export async function audit(db: Kysely<DB>, entry: AuditEntry, now = new Date()): Promise<void> {
  await db
    .insertInto('audit')
    .values({
      at: now.toISOString(),
      actor: entry.actor,
      action: entry.action,
      school_code: entry.school ?? null,
      target: entry.target ?? null,
      detail: entry.detail === undefined ? null : JSON.stringify(entry.detail),
    })
    .execute();
}

/** Newest entries first, optionally filtered. */
export async function listAudit(
  db: Kysely<DB>,
  opts: { limit?: number; school?: string; action?: string } = {},
): Promise<{ id: number; at: string; actor: string; action: string; school: string | null; target: string | null; detail: unknown }[]> {
  let q = db.selectFrom('audit').selectAll().orderBy('id', 'desc').limit(Math.min(opts.limit ?? 200, 1000));
  if (opts.school) q = q.where('school_code', '=', opts.school);
  if (opts.action) q = q.where('action', '=', opts.action);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    school: r.school_code,
    target: r.target,
    detail: r.detail ? JSON.parse(r.detail) : null,
  }));
}
