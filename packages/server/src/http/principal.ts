import type { Role } from '@madoguchi/shared'

/** Who is calling: resolved once per request from the session cookie or a bearer token. */
export interface Principal {
  accountId: string
  agentId: string
  role: Role
  name: string
  locale: 'ja' | 'en'
  timeZone: string
  /** Teams the agent belongs to; a partner sees only these teams' tickets. */
  teamIds: string[]
  via: 'session' | 'token'
  /** For session calls: the token the client must echo in `X-CSRF-Token`. */
  csrfToken?: string
  tokenId?: string
}

/**
 * Who may call a route. Every route declares one in `config.access`; a route
 * without it fails at start-up (see access.ts), so nothing is open by accident.
 * - public: anyone (login, health, help center)
 * - agent: any signed-in agent, partners included (results still scoped)
 * - staff: admin, supervisor and agent (not partner)
 * - supervisor: admin and supervisor
 * - admin: admins only
 */
export type Access = 'public' | 'agent' | 'staff' | 'supervisor' | 'admin'

export const ROLES_FOR_ACCESS: Record<Exclude<Access, 'public'>, readonly Role[]> = {
  agent: ['admin', 'supervisor', 'agent', 'partner'],
  staff: ['admin', 'supervisor', 'agent'],
  supervisor: ['admin', 'supervisor'],
  admin: ['admin'],
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null
  }
  interface FastifyContextConfig {
    access?: Access
  }
}

/** The caller of an authenticated route (the access hook guarantees it is set). */
export function principalOf(request: { principal: Principal | null }): Principal {
  if (!request.principal) throw new Error('principalOf called on a public route')

  return request.principal
}
