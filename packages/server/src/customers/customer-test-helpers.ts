import type { FastifyInstance } from 'fastify'
import { expect } from 'vitest'
import type { CustomerView } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import { newId } from '../lib/ids.ts'

type Headers = Record<string, string>

/** Creates a customer over HTTP and fails the test unless it answers 201. */
export async function createCustomerVia(app: FastifyInstance, headers: Headers, body: Record<string, unknown>): Promise<CustomerView> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/customers', headers, payload: body })
  expect(res.statusCode, res.body).toBe(201)

  return res.json() as CustomerView
}

/**
 * A ticket row (with one inbound message) for a customer, inserted directly so that
 * customer tests do not depend on the tickets feature.
 */
export async function insertTicketFor(deps: Deps, accountId: string, customerId: string, teamId: string | null = null): Promise<{ ticketId: string; messageId: string }> {
  const now = deps.clock.now().toISOString()
  const ticketId = newId()
  const max = await deps.db.selectFrom('tickets').select((eb) => eb.fn.max('number').as('n')).where('account_id', '=', accountId).executeTakeFirst()
  await deps.db
    .insertInto('tickets')
    .values({
      id: ticketId, account_id: accountId, number: Number(max?.n ?? 0) + 1, subject: 'Help', status: 'new', priority: 'normal',
      channel: 'email', customer_id: customerId, team_id: teamId, created_at: now, updated_at: now,
    })
    .execute()
  const messageId = newId()
  await deps.db
    .insertInto('messages')
    .values({
      id: messageId, account_id: accountId, ticket_id: ticketId, kind: 'inbound', author_kind: 'customer', author_customer_id: customerId,
      channel: 'email', body_text: 'hello', created_at: now,
    })
    .execute()

  return { ticketId, messageId }
}
