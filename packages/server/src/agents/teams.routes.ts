import type { FastifyInstance } from 'fastify'
import { createTeamInput, teamList, teamView, updateTeamInput } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import { documentRoute } from '../http/openapi-registry.ts'
import { principalOf } from '../http/principal.ts'
import { parseInput } from '../http/validate.ts'
import { createTeam } from './create-team.ts'
import { listTeams } from './list-teams.ts'
import { updateTeam } from './update-team.ts'

/** Teams: everyone signed in may list (partners: their own); supervisors and admins manage. */
export async function teamRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  documentRoute({ method: 'GET', path: '/teams', tags: ['Teams'], access: 'agent', response: teamList, summary: 'List teams (partners: their own)' })
  app.get('/teams', { config: { access: 'agent' } }, async (request) => listTeams(deps, principalOf(request)))

  documentRoute({
    method: 'POST', path: '/teams', tags: ['Teams'], access: 'supervisor', body: createTeamInput, response: teamView, status: 201,
    summary: 'Create a team', errors: ['team.name_taken'],
  })
  app.post('/teams', { config: { access: 'supervisor' } }, async (request, reply) => {
    const input = parseInput(createTeamInput, request.body)

    return reply.status(201).send(await createTeam(deps, principalOf(request), input, request.ip ?? null))
  })

  documentRoute({
    method: 'PATCH', path: '/teams/:id', tags: ['Teams'], access: 'supervisor', body: updateTeamInput, response: teamView,
    summary: 'Rename or describe a team, or mark it as a partner team', errors: ['team.not_found', 'team.name_taken'],
  })
  app.patch<{ Params: { id: string } }>('/teams/:id', { config: { access: 'supervisor' } }, async (request) => {
    const input = parseInput(updateTeamInput, request.body)

    return updateTeam(deps, principalOf(request), request.params.id, input, request.ip ?? null)
  })
}
