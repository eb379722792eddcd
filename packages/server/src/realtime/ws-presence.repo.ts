import type { Executor } from '../db/database.ts'

export interface PresenceViewer {
  agentId: string
  name: string
  replying: boolean
}

export async function upsertPresence(
  db: Executor,
  row: { connectionId: string; accountId: string; agentId: string; agentName: string; ticketId: string; replying: boolean; now: string; expiresAt: string },
): Promise<void> {
  const values = {
    connection_id: row.connectionId,
    account_id: row.accountId,
    agent_id: row.agentId,
    agent_name: row.agentName,
    ticket_id: row.ticketId,
    replying: row.replying ? 1 : 0,
    expires_at: row.expiresAt,
    updated_at: row.now,
  }
  await db
    .insertInto('presence')
    .values(values)
    .onConflict((oc) => oc.column('connection_id').doUpdateSet({ ticket_id: values.ticket_id, replying: values.replying, expires_at: values.expires_at, updated_at: values.updated_at, agent_name: values.agent_name }))
    .execute()
}

export async function deletePresence(db: Executor, connectionId: string): Promise<void> {
  await db.deleteFrom('presence').where('connection_id', '=', connectionId).execute()
}

/** Agents with a live row on the ticket (several tabs of one agent count once; replying if any tab is). */
export async function findViewers(db: Executor, accountId: string, ticketId: string, now: string): Promise<PresenceViewer[]> {
  const rows = await db
    .selectFrom('presence')
    .select(['agent_id', 'agent_name', 'replying'])
    .where('account_id', '=', accountId)
    .where('ticket_id', '=', ticketId)
    .where('expires_at', '>', now)
    .orderBy('updated_at')
    .execute()
  const byAgent = new Map<string, PresenceViewer>()
  for (const row of rows) {
    const seen = byAgent.get(row.agent_id)
    byAgent.set(row.agent_id, { agentId: row.agent_id, name: row.agent_name, replying: (seen?.replying ?? false) || Number(row.replying) === 1 })
  }

  return [...byAgent.values()]
}

/** Removes expired rows and says which tickets lost a viewer (to broadcast their new lists). */
export async function sweepExpiredPresence(db: Executor, now: string): Promise<{ accountId: string; ticketId: string }[]> {
  const expired = await db
    .selectFrom('presence')
    .select(['connection_id', 'account_id', 'ticket_id'])
    .where('expires_at', '<=', now)
    .limit(1000)
    .execute()
  if (expired.length === 0) return []
  await db.deleteFrom('presence').where('connection_id', 'in', expired.map((r) => r.connection_id)).where('expires_at', '<=', now).execute()
  const unique = new Map(expired.map((r) => [`${r.account_id}/${r.ticket_id}`, { accountId: r.account_id, ticketId: r.ticket_id }]))

  return [...unique.values()]
}
