import type { KyselyPlugin } from 'kysely'
import { buildApp } from '../../packages/server/src/app.ts'
import { loadConfig } from '../../packages/server/src/config.ts'
import { buildDeps } from '../../packages/server/src/deps.ts'
import type { Deps } from '../../packages/server/src/deps.ts'
import { updateCustomer } from '../../packages/server/src/customers/update-customer.ts'
import { createTicket } from '../../packages/server/src/tickets/create-ticket.ts'
import { postTicketMessage } from '../../packages/server/src/tickets/post-ticket-message.ts'
import type { LargeDataSet } from '../generate-data.ts'

const BUSY_ITEMS = 120

export interface QueryCount {
  path: string
  at10: number
  at100: number
  /** Items actually returned at limit=100 (a page must really be bigger for the check to mean anything). */
  items100: number
}

/**
 * Counts the SQL statements each list endpoint runs at limit=10 and limit=100
 * (in-process app on the large data set, a Kysely plugin sees every statement,
 * authentication included). A list without N+1 queries runs the same number.
 */
export async function countListQueries(data: LargeDataSet): Promise<QueryCount[]> {
  let statements = 0
  const counter: KyselyPlugin = {
    transformQuery: ({ node }) => {
      statements++

      return node
    },
    transformResult: async ({ result }) => result,
  }
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', MADOGUCHI_DEMO: '0' }), database: data.bench.config }
  const deps = buildDeps(config, { db: data.bench.db.withPlugin(counter) })
  const app = await buildApp(deps)
  const headers = { authorization: `Bearer ${data.token}` }
  try {
    const busyCustomer = await data.bench.db
      .selectFrom('tickets').select('customer_id').where('account_id', '=', data.accountId)
      .groupBy('customer_id').orderBy((eb) => eb.fn.countAll(), 'desc').limit(1).executeTakeFirstOrThrow()
    // The generated data has at most 3 messages per ticket and no events: make one ticket
    // and one customer with more than a page of each, through the real use cases.
    const busy = await seedBusyTicket(deps, data)
    const paths = [
      '/api/v1/tickets',
      '/api/v1/tickets?status=open',
      '/api/v1/tickets?tag=返品',
      `/api/v1/tickets?customerId=${busyCustomer.customer_id}`,
      '/api/v1/customers',
      `/api/v1/tickets/${busy.ticketId}/messages`,
      `/api/v1/tickets/${busy.ticketId}/events`,
      `/api/v1/customers/${busy.customerId}/events`,
      '/api/v1/agents',
    ]
    const results: QueryCount[] = []
    for (const path of paths) {
      const run = async (limit: number) => {
        const url = `${path}${path.includes('?') ? '&' : '?'}limit=${limit}`
        await app.inject({ url, headers }) // warm: token last-used stamp, caches
        statements = 0
        const res = await app.inject({ url, headers })
        if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}: ${res.body.slice(0, 200)}`)

        return { statements, items: ((res.json() as { items?: unknown[] }).items ?? []).length }
      }
      const at10 = await run(10)
      const at100 = await run(100)
      results.push({ path: path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/, ':id'), at10: at10.statements, at100: at100.statements, items100: at100.items })
    }

    return results
  } finally {
    await app.close()
  }
}

/**
 * A ticket with BUSY_ITEMS notes (so as many messages and events) and a customer with
 * BUSY_ITEMS changes, made once per data set and found again by its subject.
 */
async function seedBusyTicket(deps: Deps, data: LargeDataSet): Promise<{ ticketId: string; customerId: string }> {
  const subject = 'Bench: query count ticket'
  const found = await data.bench.db.selectFrom('tickets').select(['id', 'customer_id']).where('account_id', '=', data.accountId).where('subject', '=', subject).executeTakeFirst()
  if (found) return { ticketId: found.id, customerId: found.customer_id }
  const admin = await data.bench.db.selectFrom('agents').select('id').where('account_id', '=', data.accountId).where('role', '=', 'admin').executeTakeFirstOrThrow()
  const viewer = { accountId: data.accountId, agentId: admin.id, role: 'admin' as const, teamIds: [] }
  const ticket = await createTicket(deps, viewer, {
    subject, customer: { email: 'query.count@bench.example.jp', name: 'クエリ 数子' }, channel: 'email', message: { body: 'ページの大きさでクエリ数が変わらないことの確認' },
  })
  for (let i = 0; i < BUSY_ITEMS; i++) {
    await postTicketMessage(deps, viewer, { id: ticket.id }, { kind: 'note', body: `メモ ${i + 1}` })
    await updateCustomer(deps, { accountId: data.accountId, customerId: ticket.customer.id, actor: { kind: 'agent', id: admin.id }, input: { notes: `変更 ${i + 1}` } })
  }

  return { ticketId: ticket.id, customerId: ticket.customer.id }
}
