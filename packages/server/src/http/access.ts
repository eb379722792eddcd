import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Deps } from '../deps.ts'
import { API_TOKEN_PREFIX, SESSION_COOKIE, principalFromSession, principalFromToken } from '../auth/resolve-principal.ts'
import { AppError } from '../lib/app-error.ts'
import { safeEqual } from '../lib/hash.ts'
import { ROLES_FOR_ACCESS } from './principal.ts'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

async function resolve(deps: Deps, request: FastifyRequest) {
  const authorization = request.headers.authorization
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization)
    const token = match?.[1]
    if (!token || !token.startsWith(API_TOKEN_PREFIX)) throw new AppError('auth.token_invalid')
    const principal = await principalFromToken(deps, token)
    if (!principal) throw new AppError('auth.token_invalid')

    return principal
  }
  const sessionId = request.cookies?.[SESSION_COOKIE]

  return sessionId ? principalFromSession(deps, sessionId) : null
}

/**
 * Authentication and authorization for every route, from its `config.access`.
 * Routes without one are refused at registration: nothing is public by accident.
 * Cookie sessions must echo their CSRF token on unsafe methods; bearer tokens
 * are not sent by browsers on their own, so they need none.
 */
export function installAccessControl(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('principal', null)
  app.addHook('onRoute', (route) => {
    const access = (route.config as { access?: string } | undefined)?.access
    if (!access && !route.url.startsWith('/assets') && route.prefix !== '/__static') {
      throw new Error(`Route ${String(route.method)} ${route.url} has no config.access`)
    }
  })
  app.addHook('preHandler', async (request) => {
    const access = request.routeOptions.config.access
    if (!access || access === 'public') {
      // Public routes still know who is calling when they can (e.g. /auth/logout).
      request.principal = await resolve(deps, request).catch(() => null)

      return
    }
    const principal = await resolve(deps, request)
    if (!principal) throw new AppError('auth.required')
    request.principal = principal
    if (principal.via === 'session' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token']
      if (typeof sent !== 'string' || !principal.csrfToken || !safeEqual(sent, principal.csrfToken)) {
        throw new AppError('auth.csrf_failed')
      }
    }
    if (!ROLES_FOR_ACCESS[access].includes(principal.role)) throw new AppError('auth.forbidden')
  })
}
