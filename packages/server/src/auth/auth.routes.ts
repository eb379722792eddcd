import type { FastifyInstance } from 'fastify'
import { loginInput, loginView, meView, updateMeInput } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import { documentRoute } from '../http/openapi-registry.ts'
import { principalOf } from '../http/principal.ts'
import { parseInput } from '../http/validate.ts'
import { getMe } from './get-me.ts'
import { login } from './login.ts'
import { logout } from './logout.ts'
import { SESSION_COOKIE } from './resolve-principal.ts'
import { clearSessionCookie, setSessionCookie } from './session-cookie.ts'
import { updateMe } from './update-me.ts'

/** Sign in and out, and the signed-in agent's own profile. */
export async function authRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  documentRoute({
    method: 'POST', path: '/auth/login', tags: ['Auth'], access: 'public', body: loginInput, response: loginView,
    summary: 'Sign in with email and password',
    description: 'Sets the httpOnly `madoguchi_session` cookie. Send the returned `csrfToken` as `X-CSRF-Token` on every unsafe request made with the cookie. Limited to 10 attempts per email and 30 per IP in 15 minutes.',
    errors: ['auth.invalid_credentials'],
  })
  // A replayed login would hand out a session's CSRF token without its cookie.
  app.post('/auth/login', { config: { access: 'public', idempotency: false } }, async (request, reply) => {
    const input = parseInput(loginInput, request.body)
    const result = await login(deps, {
      ...input,
      ip: request.ip ?? null,
      userAgent: request.headers['user-agent'] ?? null,
    })
    setSessionCookie(reply, deps, result.sessionId)

    return { agent: result.me, csrfToken: result.csrfToken }
  })

  documentRoute({ method: 'POST', path: '/auth/logout', tags: ['Auth'], access: 'public', status: 204, summary: 'Sign out (ends the session, clears the cookie)' })
  // Public so that signing out always works, even with an expired session.
  app.post('/auth/logout', { config: { access: 'public', idempotency: false } }, async (request, reply) => {
    await logout(deps, request.cookies[SESSION_COOKIE])
    clearSessionCookie(reply, deps)

    return reply.status(204).send()
  })

  documentRoute({ method: 'GET', path: '/me', tags: ['Auth'], access: 'agent', response: meView, summary: 'The signed-in agent' })
  app.get('/me', { config: { access: 'agent' } }, async (request) => getMe(deps, principalOf(request)))

  documentRoute({
    method: 'PATCH', path: '/me', tags: ['Auth'], access: 'agent', body: updateMeInput, response: meView,
    summary: 'Change own name, language, time zone or password', description: 'A new password needs `currentPassword` and signs out every other session.',
    errors: ['auth.current_password_incorrect'],
  })
  app.patch('/me', { config: { access: 'agent' } }, async (request) => {
    const input = parseInput(updateMeInput, request.body)
    const principal = principalOf(request)

    return updateMe(deps, {
      principal,
      sessionId: principal.via === 'session' ? request.cookies[SESSION_COOKIE] : undefined,
      ip: request.ip ?? null,
    }, input)
  })
}
