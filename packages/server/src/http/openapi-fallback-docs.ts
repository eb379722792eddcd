import { z } from 'zod'
import {
  createTicketInput, createdTicketView, listTicketsQuery, messagePage, messageView, pageQuery, postMessageInput,
  ticketEventPage, ticketPage, ticketView, updateTicketInput,
} from '@madoguchi/shared'
import type { RouteDoc } from './openapi-registry.ts'
import { documentRoute, routeDoc, API_PREFIX } from './openapi-registry.ts'

const ticketRef = z.object({ id: z.string().describe('Ticket id (UUID) or its number') })

/**
 * Documentation for routes whose owners have not documented them (yet). Only fills
 * gaps: an entry the route's own file wrote always wins.
 */
const FALLBACK_DOCS: RouteDoc[] = [
  { method: 'GET', path: '/healthz', prefix: '', tags: ['Operations'], access: 'public', summary: 'Liveness: the process answers (never touches the database)', response: z.object({ status: z.literal('ok') }) },
  { method: 'GET', path: '/readyz', prefix: '', tags: ['Operations'], access: 'public', summary: 'Readiness: the database answers (503 when it does not)', response: z.object({ status: z.enum(['ready', 'unavailable']), database: z.enum(['ok', 'unreachable']) }) },
  {
    method: 'POST', path: '/tickets', tags: ['Tickets'], access: 'staff', body: createTicketInput, response: createdTicketView, status: 201,
    summary: 'Create a ticket with its first message',
    description: '`customer` is `{id}`, `{crn}` or `{email|phone, name}`; the last creates the customer when new (`customer.created`).',
    errors: ['customer.not_found', 'customer.crn_invalid', 'ticket.customer_required', 'ticket.assignee_not_found', 'ticket.team_not_found'],
  },
  { method: 'GET', path: '/tickets', tags: ['Tickets'], access: 'agent', query: listTicketsQuery, response: ticketPage, summary: 'List tickets, most recently updated first, by cursor', description: 'Partners see only their teams\' tickets.' },
  { method: 'GET', path: '/tickets/by-number/:number', tags: ['Tickets'], access: 'agent', params: z.object({ number: z.string() }), response: ticketView, summary: 'Get a ticket by its per-account number', errors: ['ticket.not_found'] },
  { method: 'GET', path: '/tickets/:id', tags: ['Tickets'], access: 'agent', params: ticketRef, response: ticketView, summary: 'Get a ticket', errors: ['ticket.not_found'] },
  { method: 'PATCH', path: '/tickets/:id', tags: ['Tickets'], access: 'agent', params: ticketRef, body: updateTicketInput, response: ticketView, summary: 'Change status, priority, category, assignee, team, tags or custom fields', errors: ['ticket.not_found', 'ticket.invalid_transition', 'ticket.assignee_not_found', 'ticket.team_not_found'] },
  { method: 'GET', path: '/tickets/:id/messages', tags: ['Tickets'], access: 'agent', params: ticketRef, query: pageQuery, response: messagePage, summary: 'The messages of a ticket, oldest first', errors: ['ticket.not_found'] },
  { method: 'POST', path: '/tickets/:id/messages', tags: ['Tickets'], access: 'agent', params: ticketRef, body: postMessageInput, response: messageView, status: 201, summary: 'Reply to the customer (`reply`) or add an internal note (`note`)', errors: ['ticket.not_found', 'ticket.closed'] },
  { method: 'GET', path: '/tickets/:id/events', tags: ['Tickets'], access: 'agent', params: ticketRef, query: pageQuery, response: ticketEventPage, summary: 'Every change to the ticket: who, what, before → after, when', errors: ['ticket.not_found'] },
]

export function documentMissingRoutes(): void {
  for (const doc of FALLBACK_DOCS) {
    if (!routeDoc(doc.method, `${doc.prefix ?? API_PREFIX}${doc.path}`)) documentRoute(doc)
  }
}
