import type { FastifyInstance } from 'fastify'
import { createTicketInput, listTicketsQuery, pageQuery, postMessageInput, ticketCountQuery, ticketCountsInput, updateTicketInput } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import { principalOf } from '../http/principal.ts'
import { parseInput } from '../http/validate.ts'
import { countTicketViews } from './count-ticket-views.ts'
import { countTickets } from './count-tickets.ts'
import { createTicket } from './create-ticket.ts'
import { getTicket } from './get-ticket.ts'
import { listTicketEvents } from './list-ticket-events.ts'
import { listTicketMessages } from './list-ticket-messages.ts'
import { listTickets } from './list-tickets.ts'
import { postTicketMessage } from './post-ticket-message.ts'
import { parseTicketRef } from './ticket-access.ts'
import { documentTicketRoutes } from './tickets.docs.ts'
import { updateTicket } from './update-ticket.ts'

interface IdParams {
  id: string
}

/**
 * Tickets, their messages and their change log. Partners reach these routes too
 * (access `agent`); the use cases show them only their teams' tickets, and 404
 * for the rest, so a partner cannot even learn that other tickets exist.
 */
export async function ticketRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  documentTicketRoutes()

  app.post('/tickets', { config: { access: 'staff' } }, async (request, reply) => {
    const input = parseInput(createTicketInput, request.body)

    return reply.status(201).send(await createTicket(deps, principalOf(request), input))
  })

  app.get('/tickets', { config: { access: 'agent' } }, async (request) => {
    return listTickets(deps, principalOf(request), parseInput(listTicketsQuery, request.query))
  })

  app.get('/tickets/count', { config: { access: 'agent' } }, async (request) => {
    return countTickets(deps, principalOf(request), parseInput(ticketCountQuery, request.query))
  })

  app.post('/tickets/counts', { config: { access: 'agent' } }, async (request) => {
    return countTicketViews(deps, principalOf(request), parseInput(ticketCountsInput, request.body))
  })

  app.get<{ Params: { number: string } }>('/tickets/by-number/:number', { config: { access: 'agent' } }, async (request) => {
    return getTicket(deps, principalOf(request), parseTicketRef(request.params.number))
  })

  app.get<{ Params: IdParams }>('/tickets/:id', { config: { access: 'agent' } }, async (request) => {
    return getTicket(deps, principalOf(request), parseTicketRef(request.params.id))
  })

  app.patch<{ Params: IdParams }>('/tickets/:id', { config: { access: 'agent' } }, async (request) => {
    const ref = parseTicketRef(request.params.id)

    return updateTicket(deps, principalOf(request), ref, parseInput(updateTicketInput, request.body))
  })

  app.get<{ Params: IdParams }>('/tickets/:id/messages', { config: { access: 'agent' } }, async (request) => {
    const ref = parseTicketRef(request.params.id)

    return listTicketMessages(deps, principalOf(request), ref, parseInput(pageQuery, request.query))
  })

  app.post<{ Params: IdParams }>('/tickets/:id/messages', { config: { access: 'agent' } }, async (request, reply) => {
    const ref = parseTicketRef(request.params.id)
    const input = parseInput(postMessageInput, request.body)

    return reply.status(201).send(await postTicketMessage(deps, principalOf(request), ref, input))
  })

  app.get<{ Params: IdParams }>('/tickets/:id/events', { config: { access: 'agent' } }, async (request) => {
    const ref = parseTicketRef(request.params.id)

    return listTicketEvents(deps, principalOf(request), ref, parseInput(pageQuery, request.query))
  })
}
