import type { Deps } from '../deps.ts'
import type { Principal } from '../http/principal.ts'
import { AppError } from '../lib/app-error.ts'
import { isId } from '../lib/ids.ts'

/**
 * Marks one of the signed-in agent's notifications read. Another agent's
 * notification answers `notification.not_found`, as if it did not exist.
 * Marking a read one again keeps its first read time (`marked: 0`).
 */
export async function markNotificationRead(deps: Deps, principal: Principal, id: string): Promise<{ marked: number }> {
  const mine = isId(id)
    ? await deps.db.selectFrom('notifications').select(['id', 'read_at']).where('account_id', '=', principal.accountId).where('agent_id', '=', principal.agentId).where('id', '=', id).executeTakeFirst()
    : undefined
  if (!mine) throw new AppError('notification.not_found')
  if (mine.read_at !== null) return { marked: 0 }
  const result = await deps.db.updateTable('notifications').set({ read_at: deps.clock.now().toISOString() }).where('id', '=', id).where('read_at', 'is', null).executeTakeFirst()

  return { marked: Number(result.numUpdatedRows) }
}

/** Marks every unread notification of the signed-in agent read, in one statement. */
export async function markAllNotificationsRead(deps: Deps, principal: Principal): Promise<{ marked: number }> {
  const result = await deps.db.updateTable('notifications').set({ read_at: deps.clock.now().toISOString() })
    .where('account_id', '=', principal.accountId).where('agent_id', '=', principal.agentId).where('read_at', 'is', null)
    .executeTakeFirst()

  return { marked: Number(result.numUpdatedRows) }
}
