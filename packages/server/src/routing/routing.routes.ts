import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { categoryRoutesInput, categoryRoutesView, presenceInput, presenceView, routeTicketView, teamRoutingInput, teamRoutingView } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import { documentRoute } from '../http/openapi-registry.ts'
import { principalOf } from '../http/principal.ts'
import { parseInput } from '../http/validate.ts'
import { parseTicketRef } from '../tickets/ticket-access.ts'
import { getCategoryRoutes, getTeamRouting, putCategoryRoutes, routeTicketNow, updateTeamRouting } from './manage-routing.ts'
import { setPresence } from './set-presence.ts'

type ById = { Params: { id: string } }
const tags = ['Routing']
const idParams = z.object({ id: z.string() })

/** Presence, per-team routing settings, category → team map, and "route this ticket now". */
export async function routingRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  documentRoute({
    method: 'PATCH', path: '/me/presence', tags, access: 'agent', body: presenceInput, response: presenceView,
    summary: 'Set own availability: online, away or offline',
    description: 'Offline unassigns your new/open tickets and routes them again in their team; online takes waiting tickets of your auto-assigning teams (VIP first). `rerouted` counts them.',
  })
  app.patch('/me/presence', { config: { access: 'agent' } }, async (request) => {
    const { presence } = parseInput(presenceInput, request.body)

    return setPresence(deps, principalOf(request), presence)
  })

  documentRoute({ method: 'GET', path: '/teams/:id/routing', tags, access: 'staff', params: idParams, response: teamRoutingView, summary: 'A team\'s routing settings and escalation path', errors: ['team.not_found'] })
  app.get<ById>('/teams/:id/routing', { config: { access: 'staff' } }, async (request) => getTeamRouting(deps, principalOf(request), request.params.id))

  documentRoute({
    method: 'PATCH', path: '/teams/:id/routing', tags, access: 'supervisor', params: idParams, body: teamRoutingInput, response: teamRoutingView,
    summary: 'Change a team\'s routing (round_robin | least_busy, auto-assign, capacity) and escalation path', errors: ['team.not_found'],
  })
  app.patch<ById>('/teams/:id/routing', { config: { access: 'supervisor' } }, async (request) => {
    const input = parseInput(teamRoutingInput, request.body)

    return updateTeamRouting(deps, principalOf(request), request.params.id, input)
  })

  documentRoute({ method: 'GET', path: '/routing/categories', tags, access: 'staff', response: categoryRoutesView, summary: 'Which team owns each ticket category' })
  app.get('/routing/categories', { config: { access: 'staff' } }, async (request) => getCategoryRoutes(deps, principalOf(request)))

  documentRoute({
    method: 'PUT', path: '/routing/categories', tags, access: 'supervisor', body: categoryRoutesInput, response: categoryRoutesView,
    summary: 'Replace the category → team map', description: 'A new ticket with a category and no team goes to the category\'s team.', errors: ['team.not_found'],
  })
  app.put('/routing/categories', { config: { access: 'supervisor' } }, async (request) => {
    const { routes } = parseInput(categoryRoutesInput, request.body)

    return putCategoryRoutes(deps, principalOf(request), routes)
  })

  documentRoute({
    method: 'POST', path: '/tickets/:id/route', tags, access: 'staff', params: idParams, response: routeTicketView,
    summary: 'Route a ticket now (category team, then an eligible online agent)',
    description: '`reason`: assigned, already_assigned, no_team, no_agent_available. Manual assignment stays possible with PATCH /tickets/:id.', errors: ['ticket.not_found'],
  })
  app.post<ById>('/tickets/:id/route', { config: { access: 'staff' } }, async (request) => routeTicketNow(deps, principalOf(request), parseTicketRef(request.params.id)))
}
