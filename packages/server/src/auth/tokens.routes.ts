import type { FastifyInstance } from 'fastify'
import { apiTokenList, createApiTokenInput, createdApiTokenView } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import { documentRoute } from '../http/openapi-registry.ts'
import { principalOf } from '../http/principal.ts'
import { parseInput } from '../http/validate.ts'
import { createApiToken } from './create-api-token.ts'
import { listApiTokens } from './list-api-tokens.ts'
import { revokeApiToken } from './revoke-api-token.ts'

/** Personal API tokens (`Authorization: Bearer mdg_…`). */
export async function tokenRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  documentRoute({ method: 'GET', path: '/tokens', tags: ['API tokens'], access: 'agent', response: apiTokenList, summary: 'Own API tokens (without secrets)' })
  app.get('/tokens', { config: { access: 'agent' } }, async (request) => listApiTokens(deps, principalOf(request)))

  documentRoute({
    method: 'POST', path: '/tokens', tags: ['API tokens'], access: 'agent', body: createApiTokenInput, response: createdApiTokenView, status: 201,
    summary: 'Create a personal API token', description: 'The `token` is shown in this answer only; use it as `Authorization: Bearer mdg_…`.',
  })
  // Not idempotent-replayable: replaying would mean storing the secret in plain text.
  app.post('/tokens', { config: { access: 'agent', idempotency: false } }, async (request, reply) => {
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

  documentRoute({
    method: 'DELETE', path: '/tokens/:id', tags: ['API tokens'], access: 'agent', status: 204,
    summary: 'Revoke an API token (own; admins: any in the account)', errors: ['token.not_found'],
  })
  app.delete<{ Params: { id: string } }>('/tokens/:id', { config: { access: 'agent' } }, async (request, reply) => {
    await revokeApiToken(deps, principalOf(request), request.params.id, request.ip ?? null)

    return reply.status(204).send()
  })
}
