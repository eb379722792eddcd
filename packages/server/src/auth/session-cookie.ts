import type { FastifyReply } from 'fastify'
import type { Deps } from '../deps.ts'
import { SESSION_COOKIE } from './resolve-principal.ts'
import { SESSION_TTL_MS } from './session.repo.ts'

/**
 * httpOnly: scripts (and so XSS) cannot read it. SameSite=Lax: other sites cannot
 * make the browser send it on their POSTs (the CSRF token is the second lock).
 * Secure whenever the deployment is served over HTTPS.
 */
export function setSessionCookie(reply: FastifyReply, deps: Deps, sessionId: string): void {
  reply.setCookie(SESSION_COOKIE, sessionId, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.secureCookies,
    maxAge: Math.floor(SESSION_TTL_MS / 1000),
  })
}

export function clearSessionCookie(reply: FastifyReply, deps: Deps): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: deps.config.secureCookies })
}
