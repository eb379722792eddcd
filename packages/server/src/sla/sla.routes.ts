import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { breachingNextQuery, breachingNextView, createSlaPolicyInput, slaPolicyList, slaPolicyView, ticketSlaView, updateSlaPolicyInput } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import { documentRoute } from '../http/openapi-registry.ts'
import { principalOf } from '../http/principal.ts'
import { parseInput } from '../http/validate.ts'
import { parseTicketRef } from '../tickets/ticket-access.ts'
import { getTicketSla } from './get-ticket-sla.ts'
import { listBreachingNext } from './list-breaching-next.ts'
import { createSlaPolicy, deleteSlaPolicy, getSlaPolicy, listSlaPolicies, updateSlaPolicy } from './manage-sla-policies.ts'

type ById = { Params: { id: string } }
const tags = ['SLA']
const idParams = z.object({ id: z.string() })

/** SLA policies (supervisors manage them), a ticket's clocks, and what breaches next. */
export async function slaRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  documentRoute({ method: 'GET', path: '/sla-policies', tags, access: 'supervisor', response: slaPolicyList, summary: 'SLA policies in the order they are tried' })
  app.get('/sla-policies', { config: { access: 'supervisor' } }, async (request) => listSlaPolicies(deps, principalOf(request)))

  documentRoute({
    method: 'POST', path: '/sla-policies', tags, access: 'supervisor', body: createSlaPolicyInput, response: slaPolicyView, status: 201,
    summary: 'Create an SLA policy', description: 'Targets are business minutes on the policy\'s calendar (the account default when omitted). The first active policy, by `position`, whose conditions match a ticket applies.',
    errors: ['calendar.not_found'],
  })
  app.post('/sla-policies', { config: { access: 'supervisor' } }, async (request, reply) => {
    const input = parseInput(createSlaPolicyInput, request.body)

    return reply.status(201).send(await createSlaPolicy(deps, principalOf(request), input))
  })

  documentRoute({ method: 'GET', path: '/sla-policies/:id', tags, access: 'supervisor', params: idParams, response: slaPolicyView, summary: 'One SLA policy', errors: ['sla.policy_not_found'] })
  app.get<ById>('/sla-policies/:id', { config: { access: 'supervisor' } }, async (request) => getSlaPolicy(deps, principalOf(request), request.params.id))

  documentRoute({
    method: 'PATCH', path: '/sla-policies/:id', tags, access: 'supervisor', params: idParams, body: updateSlaPolicyInput, response: slaPolicyView,
    summary: 'Change an SLA policy', description: 'Applies to tickets created or re-targeted afterwards; running clocks keep their targets.', errors: ['sla.policy_not_found', 'calendar.not_found'],
  })
  app.patch<ById>('/sla-policies/:id', { config: { access: 'supervisor' } }, async (request) => {
    const input = parseInput(updateSlaPolicyInput, request.body)

    return updateSlaPolicy(deps, principalOf(request), request.params.id, input)
  })

  documentRoute({ method: 'DELETE', path: '/sla-policies/:id', tags, access: 'supervisor', params: idParams, status: 204, summary: 'Delete an SLA policy (clocks it started stay as history)', errors: ['sla.policy_not_found'] })
  app.delete<ById>('/sla-policies/:id', { config: { access: 'supervisor' } }, async (request, reply) => {
    await deleteSlaPolicy(deps, principalOf(request), request.params.id)

    return reply.status(204).send()
  })

  documentRoute({
    method: 'GET', path: '/tickets/:id/sla', tags, access: 'agent', params: idParams, response: ticketSlaView,
    summary: 'A ticket\'s SLA clocks: state, due time, business minutes left, paused',
    description: 'Partners reach only their own teams\' tickets; any other ticket answers 404.', errors: ['ticket.not_found'],
  })
  app.get<ById>('/tickets/:id/sla', { config: { access: 'agent' } }, async (request) => getTicketSla(deps, principalOf(request), parseTicketRef(request.params.id)))

  documentRoute({
    method: 'GET', path: '/sla/breaching-next', tags, access: 'agent', query: breachingNextQuery, response: breachingNextView,
    summary: 'Running SLA clocks due soonest (overdue first)', description: 'Partners see only their teams\' tickets; restricted tickets only those allowed to read them.',
  })
  app.get('/sla/breaching-next', { config: { access: 'agent' } }, async (request) => {
    const { limit } = parseInput(breachingNextQuery, request.query)

    return listBreachingNext(deps, principalOf(request), limit)
  })
}
