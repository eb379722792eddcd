import type { FastifyInstance } from 'fastify'
import { createApiTokenInput } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import { principalOf } from '../http/principal.ts'
import { parseInput } from '../http/validate.ts'
import { createApiToken } from './create-api-token.ts'
import { listApiTokens } from './list-api-tokens.ts'
import { revokeApiToken } from './revoke-api-token.ts'

/** Personal API tokens (`Authorization: Bearer mdg_…`). */
export async function tokenRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  app.get('/tokens', { config: { access: 'agent' } }, async (request) => listApiTokens(deps, principalOf(request)))

  app.post('/tokens', { config: { access: 'agent' } }, async (request, reply) => {
    const input = parseInput(createApiTokenInput, request.body)
    const principal = principalOf(request)
    const created = await createApiToken(deps, {
      accountId: principal.accountId,
      agentId: principal.agentId,
      name: input.name,
      expiresAt: input.expiresAt ?? null,
      ip: request.ip ?? null,
    })

    return reply.status(201).send(created)
  })

  app.delete<{ Params: { id: string } }>('/tokens/:id', { config: { access: 'agent' } }, async (request, reply) => {
    await revokeApiToken(deps, principalOf(request), request.params.id, request.ip ?? null)

    return reply.status(204).send()
  })
}
