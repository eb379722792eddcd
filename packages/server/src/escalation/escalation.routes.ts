import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { escalateInput, escalationCountsQuery, escalationCountsView, escalationList, escalationView, listEscalationsQuery, notificationList, notificationsMarkedView } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import { documentRoute } from '../http/openapi-registry.ts'
import { principalOf } from '../http/principal.ts'
import { parseInput } from '../http/validate.ts'
import { parseTicketRef } from '../tickets/ticket-access.ts'
import { acknowledgeEscalation } from './acknowledge-escalation.ts'
import { escalateTicket } from './escalate-ticket.ts'
import { listTicketEscalations } from './list-ticket-escalations.ts'
import { markAllNotificationsRead, markNotificationRead } from './mark-notifications-read.ts'
import { countEscalations, listEscalations, listMyNotifications, resolveEscalation } from './list-escalations.ts'

type ById = { Params: { id: string } }
const tags = ['Escalation']
const idParams = z.object({ id: z.string() })
const notificationsQuery = z.object({ unread: z.enum(['true', 'false']).optional() }).strict()

/** Escalating a ticket, the supervisors' queue and counts, and each agent's notifications. */
export async function escalationRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  documentRoute({
    method: 'POST', path: '/tickets/:id/escalate', tags, access: 'agent', params: idParams, body: escalateInput, response: escalationView, status: 201,
    summary: 'Escalate a ticket to the next step of its team\'s path (tier 1 → 2 → 3 → supervisor)',
    description: 'Clears the assignee and routes within the receiving team; records `ticket.escalated`, an internal note and notifications. `threat_legal`/`threat_physical` go to the legal team (routing key `legal`) at urgent priority, visible only to that team and supervisors. Partners escalate their own teams\' tickets under the same rules.',
    errors: ['ticket.not_found', 'ticket.closed', 'escalation.no_next_step'],
  })
  app.post<ById>('/tickets/:id/escalate', { config: { access: 'agent' } }, async (request, reply) => {
    const input = parseInput(escalateInput, request.body)

    return reply.status(201).send(await escalateTicket(deps, principalOf(request), parseTicketRef(request.params.id), input))
  })

  documentRoute({
    method: 'GET', path: '/tickets/:id/escalations', tags, access: 'agent', params: idParams, response: escalationList,
    summary: 'A ticket\'s escalation history, oldest first', description: 'For whoever may see the ticket; a restricted (threat) ticket answers 404 to everyone else.', errors: ['ticket.not_found'],
  })
  app.get<ById>('/tickets/:id/escalations', { config: { access: 'agent' } }, async (request) => listTicketEscalations(deps, principalOf(request), parseTicketRef(request.params.id)))

  documentRoute({ method: 'GET', path: '/escalations', tags, access: 'supervisor', query: listEscalationsQuery, response: escalationList, summary: 'The escalation queue (`status=open`: oldest first)' })
  app.get('/escalations', { config: { access: 'supervisor' } }, async (request) => {
    const { status, limit } = parseInput(listEscalationsQuery, request.query)

    return listEscalations(deps, principalOf(request), status, limit)
  })

  documentRoute({ method: 'GET', path: '/escalations/counts', tags, access: 'supervisor', query: escalationCountsQuery, response: escalationCountsView, summary: 'How many escalations, by reason and by receiving team' })
  app.get('/escalations/counts', { config: { access: 'supervisor' } }, async (request) => {
    const { from, to } = parseInput(escalationCountsQuery, request.query)

    return countEscalations(deps, principalOf(request), from, to)
  })

  documentRoute({ method: 'POST', path: '/escalations/:id/resolve', tags, access: 'supervisor', params: idParams, response: escalationView, summary: 'Take an escalation off the queue', errors: ['escalation.not_found'] })
  app.post<ById>('/escalations/:id/resolve', { config: { access: 'supervisor' } }, async (request) => resolveEscalation(deps, principalOf(request), request.params.id))

  documentRoute({
    method: 'POST', path: '/escalations/:id/acknowledge', tags, access: 'supervisor', params: idParams, response: escalationView,
    summary: 'Take an escalation up (it stays in the open queue until resolved)', description: 'The first acknowledgement is kept; a later one answers the escalation as it is.', errors: ['escalation.not_found'],
  })
  app.post<ById>('/escalations/:id/acknowledge', { config: { access: 'supervisor' } }, async (request) => acknowledgeEscalation(deps, principalOf(request), request.params.id))

  documentRoute({ method: 'GET', path: '/notifications', tags, access: 'agent', query: notificationsQuery, response: notificationList, summary: 'My notifications (escalations received), newest first' })
  app.get('/notifications', { config: { access: 'agent' } }, async (request) => {
    const { unread } = parseInput(notificationsQuery, request.query)

    return listMyNotifications(deps, principalOf(request), unread === 'true')
  })

  documentRoute({
    method: 'POST', path: '/notifications/:id/read', tags, access: 'agent', params: idParams, response: notificationsMarkedView,
    summary: 'Mark one of my notifications read', description: 'Another agent\'s notification answers 404.', errors: ['notification.not_found'],
  })
  app.post<ById>('/notifications/:id/read', { config: { access: 'agent' } }, async (request) => markNotificationRead(deps, principalOf(request), request.params.id))

  documentRoute({ method: 'POST', path: '/notifications/read-all', tags, access: 'agent', response: notificationsMarkedView, summary: 'Mark all my notifications read' })
  app.post('/notifications/read-all', { config: { access: 'agent' } }, async (request) => markAllNotificationsRead(deps, principalOf(request)))
}
