import type { FastifyInstance } from 'fastify'
import type { z } from 'zod'
import type { ErrorCode } from '@madoguchi/shared'
import type { Access } from './principal.ts'

export const API_PREFIX = '/api/v1'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/**
 * Documentation of one route, written next to the route by its owner:
 *
 * ```ts
 * documentRoute({
 *   method: 'POST', path: '/tickets', tags: ['Tickets'], access: 'staff',
 *   summary: 'Create a ticket', body: createTicketInput, response: ticketView, status: 201,
 *   errors: ['ticket.customer_required'],
 * })
 * app.post('/tickets', { config: { access: 'staff' } }, async (request, reply) => …)
 * ```
 * `path` is the path given to Fastify inside your route group (`:param` syntax);
 * `prefix` defaults to `/api/v1` (pass `''` for routes outside the API such as `/healthz`).
 */
export interface RouteDoc {
  method: HttpMethod
  path: string
  prefix?: string
  summary: string
  description?: string
  tags: string[]
  access: Access
  body?: z.ZodType
  query?: z.ZodType
  /** Path parameters, when they need more than "a string" (default: each `:name` is a string). */
  params?: z.ZodType
  /** Schema of the success body; omit for an empty answer. */
  response?: z.ZodType
  /** Status of the success answer (default 200). */
  status?: number
  /** Error codes this route may answer with besides the generic ones. */
  errors?: ErrorCode[]
  /** Content type of the success answer when it is not JSON (e.g. 'text/plain'). */
  produces?: string
}

/**
 * Route documentation is static data (the same for every app built in a process),
 * so it lives in a module-level map keyed by method and full path; documenting a
 * route again (every test builds its app again) replaces the entry.
 */
const docs = new Map<string, RouteDoc & { fullPath: string }>()

export function documentRoute(doc: RouteDoc): void {
  const fullPath = `${doc.prefix ?? API_PREFIX}${doc.path}`.replace(/\/+$/, '') || '/'
  docs.set(`${doc.method} ${fullPath}`, { ...doc, fullPath })
}

export function routeDoc(method: string, fullPath: string): (RouteDoc & { fullPath: string }) | undefined {
  return docs.get(`${method} ${fullPath}`)
}

/** One route as Fastify registered it (see installRouteCatalog). */
export interface CatalogRoute {
  method: string
  url: string
  access: Access | undefined
  /** Honours Idempotency-Key (see idempotency.ts): authenticated API POSTs that did not opt out. */
  idempotent: boolean
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route this app registered, in order; the OpenAPI spec and the junk test walk it. */
    routeCatalog: CatalogRoute[]
  }
}

/** Records every route of this app (call before any route is registered). */
export function installRouteCatalog(app: FastifyInstance): void {
  const catalog: CatalogRoute[] = []
  app.decorate('routeCatalog', catalog)
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    const config = route.config as { access?: Access; idempotency?: boolean } | undefined
    const access = config?.access
    for (const method of methods) {
      const upper = String(method).toUpperCase()
      const idempotent = upper === 'POST' && route.url.startsWith(API_PREFIX) && access !== undefined && access !== 'public' && config?.idempotency !== false
      catalog.push({ method: upper, url: route.url, access, idempotent })
    }
  })
}
