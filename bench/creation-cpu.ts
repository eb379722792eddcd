/**
 * CPU per ticket creation, the figure that stays put when the machine is busy:
 * POST /api/v1/tickets through the real app in-process (app.inject: routing, auth,
 * validation, use case, serialization — no sockets to the client), 32 requests at a
 * time as under load, counting this process's CPU and, on PostgreSQL, the CPU of
 * the server processes serving its connections (found by application_name, read
 * from /proc) — both share the same 2 cores. PostgreSQL's background writers are
 * not counted (shared with whatever else runs).
 * `node bin/run-ts.mjs bench/creation-cpu.ts [--dialect=sqlite|postgres] [--tickets=3000]`
 * (BENCH_DATABASE_URL for another PostgreSQL, e.g. its Unix socket).
 */
import fs from 'node:fs'
import { sql } from 'kysely'
import { buildApp } from '../packages/server/src/app.ts'
import { buildDeps } from '../packages/server/src/deps.ts'
import { loadConfig } from '../packages/server/src/config.ts'
import { seedTestAccount } from '../packages/server/src/test/fixtures.ts'
import { JA_CONVERSATIONS, EN_CONVERSATIONS } from './generator/vocabulary.ts'
import { openBenchDb } from './lib/bench-db.ts'
import { flag } from './lib/options.ts'
import { procStatCpuMs } from './lib/thread-cpu.ts'

const dialect = flag('dialect') === 'postgres' ? 'postgres' : 'sqlite'
const tickets = Number(flag('tickets') ?? 3000)
const APPLICATION = `madoguchi_cpu_${process.pid}`
const baseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const pgUrl = `${baseUrl}${baseUrl.includes('?') ? '&' : '?'}application_name=${APPLICATION}`

/** User + system CPU, in ms, of the server processes of our connections (/proc/<pid>/stat). */
async function postgresCpuMs(): Promise<number> {
  if (dialect !== 'postgres') return 0
  const { rows } = await sql<{ pid: number }>`select pid from pg_stat_activity where application_name = ${APPLICATION}`.execute(bench.db)

  return rows.reduce((ms, { pid }) => ms + procStatCpuMs(`/proc/${pid}/stat`), 0)
}

const bench = await openBenchDb(dialect, 'creation_cpu', pgUrl, { fresh: true })
const deps = buildDeps({ ...loadConfig({ LOG_LEVEL: 'silent', MADOGUCHI_DEMO: '0' }), database: bench.config }, { db: bench.db })
const account = await seedTestAccount(deps, 'Bench creation CPU')
const app = await buildApp(deps)
const conversations = [...JA_CONVERSATIONS, ...EN_CONVERSATIONS]
const known: string[] = []
const create = async (i: number) => {
  const c = conversations[i % conversations.length]!
  // Half new customers by email, half existing ones by id, as in bench/suites/ticket-create.ts.
  const customer = i % 2 === 0 || known.length === 0 ? { email: `cpu-${i}@example.jp`, name: 'ベンチ 太郎' } : { id: known[i % known.length] }
  const payload = { subject: c.subject, channel: 'email', customer, message: { body: c.inbound }, tags: ['返品'] }
  const res = await app.inject({ method: 'POST', url: '/api/v1/tickets', headers: account.admin.headers, payload })
  if (res.statusCode !== 201) throw new Error(`POST /tickets answered ${res.statusCode}: ${res.body}`)
  if (known.length < 200) known.push((res.json() as { customer: { id: string } }).customer.id)
}
// Warm-up: JIT, statement caches, the configuration cache.
for (let i = 0; i < 300; i++) await create(i)
const cpuBefore = process.cpuUsage()
const pgBefore = await postgresCpuMs()
const started = performance.now()
for (let i = 0; i < tickets; i += 32) await Promise.all(Array.from({ length: Math.min(32, tickets - i) }, (_, j) => create(1000 + i + j)))
const wallMs = performance.now() - started
const cpu = process.cpuUsage(cpuBefore)
const appMs = (cpu.user + cpu.system) / 1000 / tickets
const dbMs = ((await postgresCpuMs()) - pgBefore) / tickets
const load = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
console.log(
  `${dialect}: ${tickets} tickets, app ${appMs.toFixed(3)} ms CPU per ticket (${(cpu.system / 1000 / tickets).toFixed(3)} system)` +
    (dialect === 'postgres' ? `, postgres ${dbMs.toFixed(3)} ms, together ${(appMs + dbMs).toFixed(3)} ms` : '') +
    `; wall ${(wallMs / tickets).toFixed(3)} ms per ticket; load ${load}`,
)
await app.close()
await bench.close()
await deps.realtime.close()
