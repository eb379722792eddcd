import type { FastifyInstance } from 'fastify'
import { createAgentInput, listAgentsQuery, updateAgentInput } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import { principalOf } from '../http/principal.ts'
import { parseInput } from '../http/validate.ts'
import { createAgent } from './create-agent.ts'
import { getAgent } from './get-agent.ts'
import { listAgents } from './list-agents.ts'
import { updateAgent } from './update-agent.ts'

type WithId = { Params: { id: string } }

/** Agents: everyone signed in may look (partners narrowed to their teams); admins manage. */
export async function agentRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  app.get('/agents', { config: { access: 'agent' } }, async (request) =>
    listAgents(deps, principalOf(request), parseInput(listAgentsQuery, request.query)))

  app.post('/agents', { config: { access: 'admin' } }, async (request, reply) => {
    const input = parseInput(createAgentInput, request.body)
    const principal = principalOf(request)
    const created = await createAgent(deps, { accountId: principal.accountId, agentId: principal.agentId, ip: request.ip ?? null }, input)

    return reply.status(201).send(created)
  })

  app.get<WithId>('/agents/:id', { config: { access: 'agent' } }, async (request) =>
    getAgent(deps, principalOf(request), request.params.id))

  app.patch<WithId>('/agents/:id', { config: { access: 'admin' } }, async (request) => {
    const input = parseInput(updateAgentInput, request.body)

    return updateAgent(deps, principalOf(request), request.params.id, input, request.ip ?? null)
  })
}
