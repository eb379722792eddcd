import type { FastifyInstance } from 'fastify'
import type { CreatedTicketView } from '@madoguchi/shared'
import { expect } from 'vitest'

let counter = 0

/** A ticket body that creates a new customer each time (unique email) unless overridden. */
export function ticketBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter++

  return {
    subject: `注文した商品が届きません ${counter}`,
    customer: { email: `customer${counter}-${Date.now()}@example.jp`, name: `山田 太郎 ${counter}` },
    channel: 'phone',
    message: { body: '先週注文した商品がまだ届いていません。' },
    ...overrides,
  }
}

/** Creates a ticket over HTTP and insists on a 201. */
export async function createTicketVia(app: FastifyInstance, headers: Record<string, string>, overrides: Record<string, unknown> = {}): Promise<CreatedTicketView> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/tickets', headers, payload: ticketBody(overrides) })
  expect(res.statusCode, res.body).toBe(201)

  return res.json() as CreatedTicketView
}
