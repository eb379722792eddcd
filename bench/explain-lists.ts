/**
 * Query plans and database-only timings of the list filters on the large data set:
 * runs the real use cases (listTickets, lookupCustomer) with a Kysely that records
 * the SQL they send, then EXPLAINs it and times it alone, repeatedly, with no HTTP.
 * Use it to see why a latency target is missed.
 *
 *   node bin/run-ts.mjs bench/explain-lists.ts [--dialect=sqlite|postgres] [--tickets=1000000]
 */
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely'
import type { CompiledQuery } from 'kysely'
import SQLite from 'better-sqlite3'
import pg from 'pg'
import type { Database } from '../packages/server/src/db/database.ts'
import type { Dialect } from '../packages/server/src/db/create-db.ts'
import { loadConfig } from '../packages/server/src/config.ts'
import { buildDeps } from '../packages/server/src/deps.ts'
import { listTicketsQuery, lookupCustomerQuery } from '@madoguchi/shared'
import { listTickets } from '../packages/server/src/tickets/list-tickets.ts'
import { lookupCustomer } from '../packages/server/src/customers/lookup-customer.ts'
import { ensureLargeDataSet } from './generate-data.ts'
import { percentile } from './lib/stats.ts'
import { sampleFilterValues } from './suites/samples.ts'
import { flag } from './lib/options.ts'

async function main(): Promise<void> {
  const dialect = (flag('dialect') ?? 'sqlite') as Dialect
  const tickets = Number(flag('tickets') ?? process.env.BENCH_TICKETS ?? 1_000_000)
  const pgUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
  const data = await ensureLargeDataSet(dialect, tickets, pgUrl)
  const values = await sampleFilterValues(data.bench.db, data.accountId, 5)
  const config = data.bench.config
  let captured: CompiledQuery[] | null = null
  const log = (event: { level: string; query: CompiledQuery }) => {
    if (event.level === 'query') captured?.push(event.query)
  }
  const sqlite = config.dialect === 'sqlite' ? new SQLite(config.filename, { readonly: true }) : null
  const pool = config.dialect === 'postgres' ? new pg.Pool({ connectionString: config.url, max: 1, options: `-c search_path=${config.schema}` }) : null
  const db = new Kysely<Database>({ dialect: sqlite ? new SqliteDialect({ database: sqlite }) : new PostgresDialect({ pool: pool! }), log })
  const deps = buildDeps({ ...loadConfig({ LOG_LEVEL: 'silent', MADOGUCHI_DEMO: '0' }), database: config }, { db })
  const viewer = { accountId: data.accountId, agentId: values.agentIds[0]!, role: 'admin' as const, teamIds: [] }
  const cases: Array<[string, () => Promise<unknown>]> = [
    ['no filter', () => listTickets(deps, viewer, listTicketsQuery.parse({}))],
    ...['open', 'closed', 'new'].map((status) => [`status=${status}`, () => listTickets(deps, viewer, listTicketsQuery.parse({ status }))] as [string, () => Promise<unknown>]),
    ['assigneeId', () => listTickets(deps, viewer, listTicketsQuery.parse({ assigneeId: values.agentIds[3] }))],
    ['assigneeId=none', () => listTickets(deps, viewer, listTicketsQuery.parse({ assigneeId: 'none' }))],
    ['teamId', () => listTickets(deps, viewer, listTicketsQuery.parse({ teamId: values.teamIds[5] }))],
    ...['返品', 'press'].map((tag) => [`tag=${tag}`, () => listTickets(deps, viewer, listTicketsQuery.parse({ tag }))] as [string, () => Promise<unknown>]),
    ['customerId', () => listTickets(deps, viewer, listTicketsQuery.parse({ customerId: values.customerIds[0] }))],
    ['channel=api', () => listTickets(deps, viewer, listTicketsQuery.parse({ channel: 'api' }))],
    ['priority=urgent', () => listTickets(deps, viewer, listTicketsQuery.parse({ priority: 'urgent' }))],
    ['category=recall', () => listTickets(deps, viewer, listTicketsQuery.parse({ category: 'recall' }))],
    ['updatedSince 1 year', () => listTickets(deps, viewer, listTicketsQuery.parse({ updatedSince: new Date(Date.now() - 365 * 86_400_000).toISOString() }))],
    ['lookup crn', () => lookupCustomer(deps, viewer, lookupCustomerQuery.parse({ crn: values.lookups[0]!.crn }))],
    ['lookup email', () => lookupCustomer(deps, viewer, lookupCustomerQuery.parse({ email: values.lookups.find((l) => l.email)!.email! }))],
    ['lookup phone', () => lookupCustomer(deps, viewer, lookupCustomerQuery.parse({ phone: values.lookups.find((l) => l.phone)!.phone! }))],
  ]
  for (const [name, run] of cases) {
    captured = []
    await run()
    const statements = captured
    // Stop recording: the timing runs below go through the same Kysely.
    captured = null
    console.log(`\n=== ${name}: ${statements.length} statements`)
    for (const q of statements) {
      const timings: number[] = []
      for (let i = 0; i < 30; i++) {
        const t = performance.now()
        await db.executeQuery(q)
        timings.push(performance.now() - t)
      }
      console.log(`-- ${q.sql.replace(/\s+/g, ' ').slice(0, 400)}`)
      console.log(`   db-only: p50 ${percentile(timings, 50).toFixed(2)} ms, max ${Math.max(...timings).toFixed(2)} ms`)
      const plan = sqlite
        ? (sqlite.prepare(`explain query plan ${q.sql}`).all(...(q.parameters as unknown[])) as Array<{ detail: string }>).map((r) => r.detail)
        : (await pool!.query(`explain (analyze, buffers, costs off) ${q.sql}`, q.parameters as unknown[])).rows.map((r: Record<string, string>) => r['QUERY PLAN']!)
      for (const line of plan) console.log(`   | ${line}`)
    }
  }
  await db.destroy()
  await data.bench.close()
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
