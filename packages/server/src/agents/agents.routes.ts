import type { FastifyInstance } from 'fastify'
import { agentPage, agentView, createAgentInput, createdAgentView, listAgentsQuery, updateAgentInput } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import { documentRoute } from '../http/openapi-registry.ts'
import { principalOf } from '../http/principal.ts'
import { parseInput } from '../http/validate.ts'
import { createAgent } from './create-agent.ts'
import { getAgent } from './get-agent.ts'
import { listAgents } from './list-agents.ts'
import { updateAgent } from './update-agent.ts'

type WithId = { Params: { id: string } }

/** Agents: everyone signed in may look (partners narrowed to their teams); admins manage. */
export async function agentRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  documentRoute({
    method: 'GET', path: '/agents', tags: ['Agents'], access: 'agent', query: listAgentsQuery, response: agentPage,
    summary: 'List agents', description: 'Partners see only agents who share one of their teams.',
  })
  app.get('/agents', { config: { access: 'agent' } }, async (request) =>
    listAgents(deps, principalOf(request), parseInput(listAgentsQuery, request.query)))

  documentRoute({
    method: 'POST', path: '/agents', tags: ['Agents'], access: 'admin', body: createAgentInput, response: createdAgentView, status: 201,
    summary: 'Invite an agent', description: 'Without `password`, a temporary one is generated and returned once as `temporaryPassword`.',
    errors: ['agent.email_taken', 'agent.team_not_found'],
  })
  // Not idempotent-replayable: the answer may carry a temporary password, never stored in
  // plain text; a retried invite answers 409 agent.email_taken instead of a second agent.
  app.post('/agents', { config: { access: 'admin', idempotency: false } }, async (request, reply) => {
    const input = parseInput(createAgentInput, request.body)
    const principal = principalOf(request)
    const created = await createAgent(deps, { accountId: principal.accountId, agentId: principal.agentId, ip: request.ip ?? null }, input)

    return reply.status(201).send(created)
  })

  documentRoute({ method: 'GET', path: '/agents/:id', tags: ['Agents'], access: 'agent', response: agentView, summary: 'One agent', errors: ['agent.not_found'] })
  app.get<WithId>('/agents/:id', { config: { access: 'agent' } }, async (request) =>
    getAgent(deps, principalOf(request), request.params.id))

  documentRoute({
    method: 'PATCH', path: '/agents/:id', tags: ['Agents'], access: 'admin', body: updateAgentInput, response: agentView,
    summary: 'Change an agent: profile, role, teams, `active:false` to deactivate, password reset',
    description: 'Deactivation and password resets end the agent\'s sessions. Admins cannot deactivate or demote themselves.',
    errors: ['agent.not_found', 'agent.email_taken', 'agent.team_not_found', 'agent.cannot_deactivate_self'],
  })
  app.patch<WithId>('/agents/:id', { config: { access: 'admin' } }, async (request) => {
    const input = parseInput(updateAgentInput, request.body)

    return updateAgent(deps, principalOf(request), request.params.id, input, request.ip ?? null)
  })
}
