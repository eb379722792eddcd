import type { FastifyInstance } from 'fastify'
import { createTeamInput, updateTeamInput } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import { principalOf } from '../http/principal.ts'
import { parseInput } from '../http/validate.ts'
import { createTeam } from './create-team.ts'
import { listTeams } from './list-teams.ts'
import { updateTeam } from './update-team.ts'

/** Teams: everyone signed in may list (partners: their own); supervisors and admins manage. */
export async function teamRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  app.get('/teams', { config: { access: 'agent' } }, async (request) => listTeams(deps, principalOf(request)))

  app.post('/teams', { config: { access: 'supervisor' } }, async (request, reply) => {
    const input = parseInput(createTeamInput, request.body)

    return reply.status(201).send(await createTeam(deps, principalOf(request), input, request.ip ?? null))
  })

  app.patch<{ Params: { id: string } }>('/teams/:id', { config: { access: 'supervisor' } }, async (request) => {
    const input = parseInput(updateTeamInput, request.body)

    return updateTeam(deps, principalOf(request), request.params.id, input, request.ip ?? null)
  })
}
