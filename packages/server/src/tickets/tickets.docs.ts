import { z } from 'zod'
import {
  createTicketInput, createdTicketView, listTicketsQuery, messagePage, messageView, pageQuery, postMessageInput,
  ticketCount, ticketCountQuery, ticketCounts, ticketCountsInput, ticketEventPage, ticketPage, ticketView, updateTicketInput,
} from '@madoguchi/shared'
import type { RouteDoc } from '../http/openapi-registry.ts'
import { documentRoute } from '../http/openapi-registry.ts'

const ticketRef = z.object({ id: z.string().describe('Ticket id (UUID), or its number: `123` or `#123` (URL-encoded `%23123`)') })
const tags = ['Tickets']
const partners = 'Partners reach only their own teams\' tickets; any other ticket answers 404.'

const DOCS: RouteDoc[] = [
  {
    method: 'POST', path: '/tickets', tags, access: 'staff', body: createTicketInput, response: createdTicketView, status: 201,
    summary: 'Create a ticket with the customer\'s first message',
    description: 'The customer is named by `{id}`, `{crn}` or `{email?, phone?, name?, language?}` (created when nobody has that email or phone; `customer.created` says so). Numbers are per account and consecutive.',
    errors: ['customer.not_found', 'customer.crn_invalid', 'customer.email_invalid', 'customer.phone_invalid', 'ticket.assignee_not_found', 'ticket.team_not_found'],
  },
  {
    method: 'GET', path: '/tickets', tags, access: 'agent', query: listTicketsQuery, response: ticketPage,
    summary: 'List tickets, a page at a time (most recently updated first unless `sort` says otherwise)',
    description: `Filters combine with AND; \`status\` takes several values (\`status=new,open\`), \`assigneeId\` also \`me\` and \`none\`, \`teamId\` also \`mine\` (all the caller's teams). \`sort\`: \`updated\` (default), \`created\` (newest first), \`priority\` (urgent first, then most recently updated), \`number\` (highest first); ties are broken by id. Pass \`nextCursor\` back as \`cursor\` with the same \`sort\` for the next page. ${partners}`,
  },
  {
    method: 'GET', path: '/tickets/count', tags, access: 'agent', query: ticketCountQuery, response: ticketCount,
    summary: 'Count the tickets of a view (the list\'s filters), exact up to 10,000',
    description: `Same filters and visibility as GET /tickets. Past 10,000 matches the answer is \`{count: 10000, capped: true}\` ("10,000+"): the count stops there so that it stays fast on any number of tickets. ${partners}`,
  },
  {
    method: 'POST', path: '/tickets/counts', tags, access: 'agent', body: ticketCountsInput, response: ticketCounts,
    summary: 'Count several views at once (a sidebar), each exact up to 10,000',
    description: `\`{"views": [{"status": ["new", "open"], "assigneeId": "me"}, …]}\`: up to 30 views, each with GET /tickets/count's filters (as JSON: \`status\` an array), answered in the same order. Reads only, but a POST so that the views travel as JSON. ${partners}`,
  },
  { method: 'GET', path: '/tickets/by-number/:number', tags, access: 'agent', params: z.object({ number: z.string().describe('`123` or `#123`') }), response: ticketView, summary: 'Get a ticket by its number', description: partners, errors: ['ticket.not_found'] },
  { method: 'GET', path: '/tickets/:id', tags, access: 'agent', params: ticketRef, response: ticketView, summary: 'Get a ticket', description: partners, errors: ['ticket.not_found'] },
  {
    method: 'PATCH', path: '/tickets/:id', tags, access: 'agent', params: ticketRef, body: updateTicketInput, response: ticketView,
    summary: 'Change subject, status, priority, category, assignee, team, tags or custom fields',
    description: `Each changed field is logged (see /events). \`tags\` replaces the set; \`customFields\` merges (null deletes). Nothing moves back to \`new\`; \`closed\` is final except a supervisor reopening it to \`open\`. ${partners}`,
    errors: ['ticket.not_found', 'ticket.invalid_transition', 'ticket.assignee_not_found', 'ticket.team_not_found', 'auth.forbidden'],
  },
  { method: 'GET', path: '/tickets/:id/messages', tags, access: 'agent', params: ticketRef, query: pageQuery, response: messagePage, summary: 'The conversation, oldest first (internal notes included)', description: partners, errors: ['ticket.not_found'] },
  {
    method: 'POST', path: '/tickets/:id/messages', tags, access: 'agent', params: ticketRef, body: postMessageInput, response: messageView, status: 201,
    summary: 'Reply to the customer (`reply`) or add an internal note (`note`)',
    description: `A reply is queued for delivery on the ticket's channel, stamps the first response, ends the customer's wait and opens a new ticket. A note is never delivered. HTML is sanitized. ${partners}`,
    errors: ['ticket.not_found', 'ticket.closed'],
  },
  { method: 'GET', path: '/tickets/:id/events', tags, access: 'agent', params: ticketRef, query: pageQuery, response: ticketEventPage, summary: 'Every change to the ticket: who, what, before → after, when (oldest first)', description: partners, errors: ['ticket.not_found'] },
]

export function documentTicketRoutes(): void {
  for (const doc of DOCS) documentRoute(doc)
}
