import { PRESENCE_TTL_SECONDS } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import { deletePresence, findViewers, sweepExpiredPresence, upsertPresence } from './ws-presence.repo.ts'

export interface PresenceSubject {
  connectionId: string
  accountId: string
  agentId: string
  agentName: string
}

/** Reads the ticket's viewers from the database and tells every node's sockets. */
export async function broadcastViewers(deps: Deps, accountId: string, ticketId: string): Promise<void> {
  const now = deps.clock.now().toISOString()
  const viewers = await findViewers(deps.db, accountId, ticketId, now)
  deps.realtime.publish(accountId, { type: 'presence.changed', ticketId, viewers, at: now })
}

/**
 * Records that a socket shows `ticketId` (null: none). Broadcasts only real
 * changes; a heartbeat refresh just pushes the expiry forward.
 */
export async function recordPresence(
  deps: Deps,
  subject: PresenceSubject,
  previous: { ticketId: string | null; replying: boolean },
  next: { ticketId: string | null; replying: boolean },
): Promise<void> {
  const now = deps.clock.now()
  if (next.ticketId === null) {
    await deletePresence(deps.db, subject.connectionId)
  } else {
    await upsertPresence(deps.db, {
      ...subject,
      ticketId: next.ticketId,
      replying: next.replying,
      now: now.toISOString(),
      expiresAt: new Date(now.getTime() + PRESENCE_TTL_SECONDS * 1000).toISOString(),
    })
  }
  if (previous.ticketId && previous.ticketId !== next.ticketId) await broadcastViewers(deps, subject.accountId, previous.ticketId)
  if (next.ticketId && (next.ticketId !== previous.ticketId || next.replying !== previous.replying)) {
    await broadcastViewers(deps, subject.accountId, next.ticketId)
  }
}

/** Drops rows whose socket vanished without a goodbye (a crashed node) and re-broadcasts those tickets. */
export async function sweepPresence(deps: Deps): Promise<void> {
  const affected = await sweepExpiredPresence(deps.db, deps.clock.now().toISOString())
  for (const { accountId, ticketId } of affected) await broadcastViewers(deps, accountId, ticketId)
}
