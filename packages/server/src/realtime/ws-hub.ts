import type { WebSocket } from 'ws'
import type { RealtimeEvent, RealtimeServerMessage } from '@madoguchi/shared'
import { REALTIME_HEARTBEAT_SECONDS } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import type { Principal } from '../http/principal.ts'
import { recordPresence, sweepPresence } from './ws-presence.ts'

export interface Connection {
  id: string
  principal: Principal
  socket: WebSocket
  presence: { ticketId: string | null; replying: boolean }
  /** Answered a ping since the last heartbeat. */
  alive: boolean
  /** Frames the client may still send in this heartbeat window (flood guard). */
  budget: number
  /** Re-reads the session or token: a deactivated agent or a signed-out session loses the socket. */
  recheck(): Promise<Principal | null>
  /** Presence writes of one socket run in order. */
  queue: Promise<void>
}

export const FRAMES_PER_WINDOW = 60
/** Sessions are re-checked every this many heartbeats. */
const RECHECK_EVERY = 3
export const CLOSE_UNAUTHORIZED = 4401

/** A legal/threat restriction on the event's ticket (escalation/ticket-visibility.ts), or null. */
export type EventRestriction = { teamId: string | null } | null

/**
 * Who may see an event: everyone in the account, except that a partner sees only
 * its teams' tickets, and presence only of the ticket it has open (and was allowed
 * to); a restricted ticket's events reach only its team and supervisors/admins.
 */
export function mayReceive(connection: Connection, event: RealtimeEvent, restriction: EventRestriction = null): boolean {
  const { principal } = connection
  if (restriction && principal.role !== 'admin' && principal.role !== 'supervisor') {
    if (restriction.teamId === null || !principal.teamIds.includes(restriction.teamId)) return false
  }
  if (event.type === 'presence.changed') {
    return principal.role !== 'partner' || connection.presence.ticketId === event.ticketId
  }
  if (principal.role !== 'partner') return true

  return event.teamId !== null && principal.teamIds.includes(event.teamId)
}

export function send(connection: Connection, message: RealtimeServerMessage): void {
  if (connection.socket.readyState === connection.socket.OPEN) connection.socket.send(JSON.stringify(message))
}

export interface WsHub {
  add(connection: Connection): void
  remove(connection: Connection): Promise<void>
  close(): Promise<void>
  size(): number
}

/**
 * The sockets of this node, by account. One bus subscription for all of them;
 * heartbeats drop dead sockets, sweep expired presence rows and re-check sessions.
 */
export function createWsHub(deps: Deps): WsHub {
  const byAccount = new Map<string, Set<Connection>>()
  let ticks = 0

  // One restriction lookup per event, and only when a socket here could be refused.
  const deliver = async (connections: Set<Connection>, event: RealtimeEvent) => {
    const anyRestrictable = [...connections].some((c) => c.principal.role !== 'admin' && c.principal.role !== 'supervisor')
    const row = anyRestrictable
      ? await deps.db.selectFrom('ticket_restrictions').select('team_id').where('ticket_id', '=', event.ticketId).executeTakeFirst()
      : undefined
    const restriction: EventRestriction = row ? { teamId: row.team_id } : null
    for (const connection of connections) if (mayReceive(connection, event, restriction)) send(connection, event)
  }
  const unsubscribe = deps.realtime.subscribe((accountId, event) => {
    const connections = byAccount.get(accountId)
    if (!connections) return
    deliver(connections, event).catch((error: unknown) => deps.logger.warn({ err: error }, 'realtime: delivery failed'))
  })

  const heartbeat = setInterval(() => {
    // No sockets here, nothing to watch: an idle node (a worker, a test app) stays silent.
    if (byAccount.size === 0) return
    ticks++
    const recheck = ticks % RECHECK_EVERY === 0
    for (const connections of byAccount.values()) {
      for (const connection of connections) {
        if (!connection.alive) {
          connection.socket.terminate()
          continue
        }
        connection.alive = false
        connection.budget = FRAMES_PER_WINDOW
        connection.socket.ping()
        if (recheck) {
          void connection.recheck().then(
            (principal) => {
              if (principal) connection.principal = { ...principal, csrfToken: undefined }
              else connection.socket.close(CLOSE_UNAUTHORIZED, 'session ended')
            },
            (error: unknown) => deps.logger.warn({ err: error }, 'realtime session re-check failed'),
          )
        }
      }
    }
    sweepPresence(deps).catch((error: unknown) => deps.logger.warn({ err: error }, 'presence sweep failed'))
  }, REALTIME_HEARTBEAT_SECONDS * 1000)
  heartbeat.unref()

  return {
    add(connection) {
      let set = byAccount.get(connection.principal.accountId)
      if (!set) byAccount.set(connection.principal.accountId, (set = new Set()))
      set.add(connection)
    },
    async remove(connection) {
      const set = byAccount.get(connection.principal.accountId)
      set?.delete(connection)
      if (set?.size === 0) byAccount.delete(connection.principal.accountId)
      const previous = connection.presence
      connection.presence = { ticketId: null, replying: false }
      connection.queue = connection.queue.then(() =>
        recordPresence(deps, subjectOf(connection), previous, connection.presence).catch((error: unknown) =>
          deps.logger.warn({ err: error }, 'presence cleanup failed'),
        ),
      )
      await connection.queue
    },
    async close() {
      clearInterval(heartbeat)
      unsubscribe()
      const all = [...byAccount.values()].flatMap((set) => [...set])
      for (const connection of all) connection.socket.close(1001, 'server shutting down')
      await Promise.all(all.map((connection) => this.remove(connection)))
    },
    size() {
      let n = 0
      for (const set of byAccount.values()) n += set.size

      return n
    },
  }
}

export function subjectOf(connection: Connection) {
  return {
    connectionId: connection.id,
    accountId: connection.principal.accountId,
    agentId: connection.principal.agentId,
    agentName: connection.principal.name,
  }
}
