import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { WebSocket } from 'ws'
import type { Deps } from '../deps.ts'
import { API_TOKEN_PREFIX, SESSION_COOKIE, principalFromSession, principalFromToken } from '../auth/resolve-principal.ts'
import { principalOf } from '../http/principal.ts'
import type { Principal } from '../http/principal.ts'
import { AppError } from '../lib/app-error.ts'
import { newId } from '../lib/ids.ts'
import { getTicket } from '../tickets/get-ticket.ts'
import type { Connection } from './ws-hub.ts'
import { FRAMES_PER_WINDOW, createWsHub, send, subjectOf } from './ws-hub.ts'
import { parseClientMessage } from './ws-messages.ts'
import { recordPresence } from './ws-presence.ts'

/**
 * A page on another site could open a WebSocket to us with the agent's cookie
 * (cross-site WebSocket hijacking): browsers always send Origin on WebSocket
 * handshakes, so it must name this host. Non-browser clients send none.
 */
async function sameOriginOnly(request: FastifyRequest): Promise<void> {
  const origin = request.headers.origin
  if (!origin) return
  let host: string
  try {
    host = new URL(origin).host
  } catch {
    throw new AppError('auth.forbidden')
  }
  if (host !== request.headers.host) throw new AppError('auth.forbidden')
}

function rechecker(deps: Deps, request: FastifyRequest, principal: Principal): () => Promise<Principal | null> {
  if (principal.via === 'token') {
    const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? ''

    return () => (token.startsWith(API_TOKEN_PREFIX) ? principalFromToken(deps, token) : Promise.resolve(null))
  }
  const sessionId = request.cookies[SESSION_COOKIE] ?? ''

  return () => principalFromSession(deps, sessionId)
}

/**
 * `GET /api/v1/realtime`: the agent app's WebSocket. Authenticated like any route
 * (session cookie or token) before the upgrade; then forwards the account's events
 * and keeps presence ("who is viewing / replying") in the database.
 */
export async function realtimeRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const hub = createWsHub(deps)
  app.addHook('onClose', async () => hub.close())

  app.get('/realtime', { websocket: true, config: { access: 'agent' }, preHandler: sameOriginOnly }, (socket: WebSocket, request) => {
    const principal = principalOf(request)
    const connection: Connection = {
      id: newId(),
      principal: { ...principal, csrfToken: undefined },
      socket,
      presence: { ticketId: null, replying: false },
      alive: true,
      budget: FRAMES_PER_WINDOW,
      recheck: rechecker(deps, request, principal),
      queue: Promise.resolve(),
    }
    hub.add(connection)
    socket.on('pong', () => {
      connection.alive = true
    })
    socket.on('close', () => void hub.remove(connection))
    socket.on('message', (data) => {
      connection.alive = true
      if (--connection.budget < 0) return
      const message = parseClientMessage(data)
      if (!message) return
      if (message.type === 'ping') {
        send(connection, { type: 'pong', at: deps.clock.now().toISOString() })

        return
      }
      connection.queue = connection.queue.then(async () => {
        try {
          // Only tickets this agent may open: a partner cannot announce itself elsewhere.
          if (message.ticketId !== null && message.ticketId !== connection.presence.ticketId) {
            await getTicket(deps, connection.principal, { id: message.ticketId })
          }
          const previous = connection.presence
          connection.presence = { ticketId: message.ticketId, replying: message.ticketId !== null && message.replying }
          await recordPresence(deps, subjectOf(connection), previous, connection.presence)
        } catch (error) {
          if (!(error instanceof AppError)) deps.logger.warn({ err: error }, 'presence update failed')
        }
      })
    })
    send(connection, { type: 'ready', agentId: principal.agentId, at: deps.clock.now().toISOString() })
  })
}
