import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Deps } from '../deps.ts'
import { AppError } from '../lib/app-error.ts'
import { sha256 } from '../lib/hash.ts'
import { IDEMPOTENCY_KEY_TTL_MS } from './idempotency-cleanup.job.ts'
import type { IdempotencyScope } from './idempotency.repo.ts'
import { findIdempotencyKey, releaseIdempotencyKey, reserveIdempotencyKey, storeIdempotentResponse } from './idempotency.repo.ts'
import { API_PREFIX } from './openapi-registry.ts'

export const IDEMPOTENCY_HEADER = 'idempotency-key'
export const REPLAYED_HEADER = 'Idempotent-Replayed'
const VALID_KEY = /^[\x20-\x7e]{1,255}$/
/**
 * A reservation whose request never finished (the node crashed mid-request) is
 * abandoned after this long; requests themselves time out after 60 s (app.ts).
 */
const ABANDONED_AFTER_MS = 2 * 60_000
/** Answers worth replaying: success and final client errors. 408/429 mean "try again", 5xx too. */
const storable = (status: number) => (status >= 200 && status < 300) || (status >= 400 && status < 500 && status !== 408 && status !== 429)

declare module 'fastify' {
  interface FastifyRequest {
    /** Set when this request holds an Idempotency-Key reservation that onSend must settle. */
    idempotency: (IdempotencyScope & { createdAt: string }) | null
  }
  interface FastifyContextConfig {
    /** `false` opts a POST out (e.g. a response carrying a secret that must not be stored). */
    idempotency?: boolean
  }
}

function requestHash(request: FastifyRequest): string {
  const body = request.body
  const bodyText = body === undefined ? '' : typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('base64') : JSON.stringify(body)

  return sha256(`${request.method} ${request.url}\n${sha256(bodyText)}`)
}

function keyOf(request: FastifyRequest): string | undefined {
  const raw = request.headers[IDEMPOTENCY_HEADER]
  if (raw === undefined) return undefined
  if (typeof raw !== 'string' || !VALID_KEY.test(raw)) throw new AppError('request.idempotency_key_invalid')

  return raw
}

async function replay(reply: FastifyReply, status: number, body: string) {
  return reply.status(status).header(REPLAYED_HEADER, 'true').type('application/json; charset=utf-8').send(body)
}

/**
 * `Idempotency-Key` on every authenticated POST under /api/v1 (Stripe's semantics):
 * the first request reserves (caller, key) with a hash of method, path and body;
 * its final answer (2xx or 4xx) is stored and replayed for 24 h to the same
 * caller sending the same request, with `Idempotent-Replayed: true`. The same key
 * with another request is a 422; while the first is running, a 409. A 5xx (or a
 * 408/429) releases the key so the client's retry really runs.
 * The reservation lives in the database, so it holds across app nodes.
 */
export function installIdempotency(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('idempotency', null)

  // Runs after access control (a root hook registered earlier), so the caller is known.
  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'POST' || !request.routeOptions.url?.startsWith(API_PREFIX)) return
    // Public routes (login) have no stable caller to scope keys by, and replaying a login would skip its cookie.
    const config = request.routeOptions.config
    if (config.idempotency === false || config.access === 'public' || !request.principal) return
    const key = keyOf(request)
    if (key === undefined) return
    const scope = { accountId: request.principal.accountId, principal: request.principal.agentId, key }
    const hash = requestHash(request)
    for (let tries = 0; tries < 3; tries++) {
      const now = deps.clock.now()
      if (await reserveIdempotencyKey(deps.db, scope, hash, now.toISOString())) {
        request.idempotency = { ...scope, createdAt: now.toISOString() }

        return
      }
      const existing = await findIdempotencyKey(deps.db, scope)
      if (!existing) continue // released between our insert and select: try again
      const age = now.getTime() - Date.parse(existing.created_at)
      const stale = age > IDEMPOTENCY_KEY_TTL_MS || (existing.status_code === null && age > ABANDONED_AFTER_MS)
      if (stale) {
        await releaseIdempotencyKey(deps.db, scope, existing.created_at)
        continue
      }
      if (existing.request_hash !== hash) throw new AppError('request.idempotency_key_reused')
      if (existing.status_code === null) throw new AppError('request.idempotency_in_progress')

      return replay(reply, existing.status_code, existing.response_body ?? '')
    }
    throw new AppError('request.idempotency_in_progress')
  })

  app.addHook('onSend', async (request, reply, payload) => {
    const held = request.idempotency
    if (!held) return payload
    request.idempotency = null
    try {
      if (storable(reply.statusCode) && (typeof payload === 'string' || payload == null)) {
        await storeIdempotentResponse(deps.db, held, reply.statusCode, payload ?? '')
      } else {
        await releaseIdempotencyKey(deps.db, held, held.createdAt)
      }
    } catch (error) {
      // The answer still goes out; the reservation is treated as abandoned after ABANDONED_AFTER_MS.
      request.log.error({ err: error }, 'could not settle the idempotency key')
    }

    return payload
  })
}
