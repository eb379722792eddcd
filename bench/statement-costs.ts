/**
 * Where a ticket creation spends its database time, statement by statement (SQLite):
 * the real createTicket use case in-process on a fresh file, every better-sqlite3
 * statement timed. Used to choose what to optimize on the hot path (docs/benchmarks.md
 * finding 2). `node bin/run-ts.mjs bench/statement-costs.ts [--tickets=2000] [--http]`
 */
import SQLite from 'better-sqlite3'
import { buildApp } from '../packages/server/src/app.ts'
import { buildDeps } from '../packages/server/src/deps.ts'
import { loadConfig } from '../packages/server/src/config.ts'
import { seedTestAccount } from '../packages/server/src/test/fixtures.ts'
import { createTicket } from '../packages/server/src/tickets/create-ticket.ts'
import { JA_CONVERSATIONS, EN_CONVERSATIONS } from './generator/vocabulary.ts'
import { openBenchDb } from './lib/bench-db.ts'
import { flag } from './lib/options.ts'

const tickets = Number(flag('tickets') ?? 2000)
const costs = new Map<string, { calls: number; ms: number }>()

// Time every statement run, whichever method Kysely calls.
for (const method of ['run', 'all', 'get', 'iterate'] as const) {
  const original = SQLite.prototype.constructor.prototype // placeholder to keep TS quiet
  void original
  const proto = Object.getPrototypeOf(new SQLite(':memory:').prepare('select 1')) as Record<string, (...args: unknown[]) => unknown>
  const inner = proto[method]!
  proto[method] = function timed(this: { source: string }, ...args: unknown[]) {
    const started = performance.now()
    try {
      return inner.apply(this, args)
    } finally {
      const entry = costs.get(this.source) ?? { calls: 0, ms: 0 }
      entry.calls++
      entry.ms += performance.now() - started
      costs.set(this.source, entry)
    }
  }
}

const bench = await openBenchDb('sqlite', 'statement_costs', '', { fresh: true })
const deps = buildDeps({ ...loadConfig({ LOG_LEVEL: 'silent', MADOGUCHI_DEMO: '0' }), database: bench.config }, { db: bench.db })
const account = await seedTestAccount(deps, 'Bench statement costs')
const viewer = { accountId: account.accountId, agentId: account.agent.id, role: 'agent' as const, teamIds: [account.teamId] }
const conversations = [...JA_CONVERSATIONS, ...EN_CONVERSATIONS]
// --http: through the app (auth, validation, serialization) with app.inject.
const app = process.argv.includes('--http') ? await buildApp(deps) : null
const create = async (i: number) => {
  const c = conversations[i % conversations.length]!
  const input = { subject: c.subject, channel: 'email', customer: { email: `statement-cost-${i}@example.jp`, name: 'Cost Probe' }, message: { body: c.inbound }, tags: ['返品'] }
  if (!app) return createTicket(deps, viewer, input as Parameters<typeof createTicket>[2])
  const res = await app.inject({ method: 'POST', url: '/api/v1/tickets', headers: account.admin.headers, payload: input })
  if (res.statusCode !== 201) throw new Error(`POST /tickets answered ${res.statusCode}: ${res.body}`)
}
for (let i = 0; i < 200; i++) await create(i)
costs.clear()
const cpuBefore = process.cpuUsage()
const started = performance.now()
// 32 at a time, as concurrent requests arrive: group commit batches them.
for (let i = 0; i < tickets; i += 32) await Promise.all(Array.from({ length: Math.min(32, tickets - i) }, (_, j) => create(1000 + i + j)))
const wallMs = performance.now() - started
const cpu = process.cpuUsage(cpuBefore)
const rows = [...costs].sort((a, b) => b[1].ms - a[1].ms)
const dbMs = rows.reduce((sum, [, c]) => sum + c.ms, 0)
console.log(`${tickets} tickets: ${(wallMs / tickets).toFixed(3)} ms wall, ${((cpu.user + cpu.system) / 1000 / tickets).toFixed(3)} ms CPU (${(cpu.system / 1000 / tickets).toFixed(3)} system) per ticket; statements ${(dbMs / tickets).toFixed(3)} ms per ticket`)
for (const [source, c] of rows.slice(0, 30)) {
  console.log(`${(c.ms * 1000 / tickets).toFixed(0).padStart(5)} µs/ticket ${(c.calls / tickets).toFixed(1).padStart(4)}× ${source.replace(/\s+/g, ' ').slice(0, 150)}`)
}
const walBytes = (await import("node:fs")).statSync(bench.config.dialect === "sqlite" ? bench.config.filename + "-wal" : "").size
console.log(`WAL ${(walBytes / 4120 / (tickets + 200)).toFixed(1)} frames per ticket`)
await bench.close()
