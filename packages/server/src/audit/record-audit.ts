import type { Executor } from '../db/database.ts'
import { newId } from '../lib/ids.ts'

export interface AuditInput {
  accountId: string
  actorId: string | null
  /** Dotted name, e.g. `agent.created`, `token.revoked`, `auth.login_failed`. */
  action: string
  targetType?: string
  targetId?: string
  details?: Record<string, unknown>
  ip?: string | null
  at: string
}

/** Records an administrative action; call it in the transaction that performs it. */
export async function recordAudit(db: Executor, entry: AuditInput): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: newId(),
      account_id: entry.accountId,
      actor_id: entry.actorId,
      action: entry.action,
      target_type: entry.targetType ?? null,
      target_id: entry.targetId ?? null,
      details: JSON.stringify(entry.details ?? {}),
      ip: entry.ip ?? null,
      created_at: entry.at,
    })
    .execute()
}
