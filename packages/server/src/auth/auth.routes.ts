import type { FastifyInstance } from 'fastify'
import { loginInput, updateMeInput } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
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
  app.post('/auth/login', { config: { access: 'public' } }, async (request, reply) => {
    const input = parseInput(loginInput, request.body)
    const result = await login(deps, {
      ...input,
      ip: request.ip ?? null,
      userAgent: request.headers['user-agent'] ?? null,
    })
    setSessionCookie(reply, deps, result.sessionId)

    return { agent: result.me, csrfToken: result.csrfToken }
  })

  // Public so that signing out always works, even with an expired session.
  app.post('/auth/logout', { config: { access: 'public' } }, async (request, reply) => {
    await logout(deps, request.cookies[SESSION_COOKIE])
    clearSessionCookie(reply, deps)

    return reply.status(204).send()
  })

  app.get('/me', { config: { access: 'agent' } }, async (request) => getMe(deps, principalOf(request)))

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
