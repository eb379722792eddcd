import type { AuditEntryView, ListAuditLogQuery } from '@madoguchi/shared'
import { decodeIdCursor, encodeIdCursor } from '../agents/id-cursor.ts'
import { parseJson } from '../db/json.ts'
import type { Deps } from '../deps.ts'
import type { Principal } from '../http/principal.ts'

/**
 * The account's audit log, newest first (ids are time-ordered UUIDv7, so `id desc`
 * is time order and the (account_id, id) index serves it). One query per page.
 */
export async function listAuditLog(deps: Deps, principal: Principal, query: ListAuditLogQuery): Promise<{ items: AuditEntryView[]; nextCursor: string | null }> {
  const before = decodeIdCursor(query.cursor)
  let q = deps.db
    .selectFrom('audit_log')
    .leftJoin('agents', 'agents.id', 'audit_log.actor_id')
    .select([
      'audit_log.id', 'audit_log.actor_id', 'agents.name as actor_name', 'audit_log.action', 'audit_log.target_type',
      'audit_log.target_id', 'audit_log.details', 'audit_log.ip', 'audit_log.created_at',
    ])
    .where('audit_log.account_id', '=', principal.accountId)
  if (before) q = q.where('audit_log.id', '<', before)
  if (query.action) q = q.where('audit_log.action', '=', query.action)
  if (query.actorId) q = q.where('audit_log.actor_id', '=', query.actorId)
  if (query.targetId) q = q.where('audit_log.target_id', '=', query.targetId)
  const rows = await q.orderBy('audit_log.id', 'desc').limit(query.limit + 1).execute()
  const page = rows.slice(0, query.limit)
  const last = page[page.length - 1]

  return {
    items: page.map((r) => ({
      id: r.id,
      actorId: r.actor_id,
      actorName: r.actor_name ?? null,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      details: parseJson<Record<string, unknown>>(r.details, {}),
      ip: r.ip,
      createdAt: r.created_at,
    })),
    nextCursor: rows.length > query.limit && last ? encodeIdCursor(last.id) : null,
  }
}
