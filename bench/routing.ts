/**
 * `node bin/run-ts.mjs bench/routing.ts [sqlite|postgres]…`: one routing decision
 * (load the team's online agents with their per-channel load, pick one) with 500
 * agents online and 5,000 open assigned tickets; target p99 ≤ 10 ms. Baseline in
 * the same run: a single indexed select of one ticket by primary key. PostgreSQL
 * runs when TEST_DATABASE_URL is set (a throw-away schema, dropped afterwards).
 */
import { loadCandidates } from '../packages/server/src/routing/routing.repo.ts'
import { pickAgent } from '../packages/server/src/routing/pick-agent.ts'
import { newId } from '../packages/server/src/lib/ids.ts'
import type { Dialect } from '../packages/server/src/db/create-db.ts'
import { createTestDeps } from '../packages/server/src/test/test-deps.ts'
import { sql } from 'kysely'
import { percentile } from './lib/stats.ts'

const AGENTS = 500
const TICKETS = 5_000
const RUNS = 500
const TARGET_P99_MS = 10
const CHANNELS = ['email', 'phone', 'chat', 'line'] as const

async function benchDialect(dialect: Dialect): Promise<boolean> {
  const deps = await createTestDeps(dialect)
  try {
    const now = new Date().toISOString()
    const accountId = newId()
    const teamId = newId()
    await deps.db.insertInto('accounts').values({ id: accountId, name: 'bench', created_at: now }).execute()
    await deps.db.insertInto('teams').values({ id: teamId, account_id: accountId, name: 'Big team', created_at: now }).execute()
    const agents = Array.from({ length: AGENTS }, (_, i) => ({
      id: newId(), account_id: accountId, email: `a${i}@bench.example`, name: `Agent ${i}`, role: 'agent', created_at: now, updated_at: now,
      presence: 'online', capacity: 20, languages: JSON.stringify(i % 3 === 0 ? ['en'] : ['ja', 'en']), skills: JSON.stringify(i % 5 === 0 ? ['refund'] : []),
    }))
    for (let i = 0; i < agents.length; i += 100) await deps.db.insertInto('agents').values(agents.slice(i, i + 100)).execute()
    for (let i = 0; i < agents.length; i += 100) await deps.db.insertInto('agent_teams').values(agents.slice(i, i + 100).map((a) => ({ account_id: accountId, agent_id: a.id, team_id: teamId }))).execute()
    const customerId = newId()
    await deps.db.insertInto('customers').values({ id: customerId, account_id: accountId, crn: 'C-BENCH', display_name: 'Bench', created_at: now, updated_at: now }).execute()
    const tickets = Array.from({ length: TICKETS }, (_, i) => ({
      id: newId(), account_id: accountId, number: i + 1, subject: `t${i}`, status: i % 4 === 0 ? 'pending' as const : 'open' as const, priority: 'normal' as const,
      channel: CHANNELS[i % CHANNELS.length]!, customer_id: customerId, assignee_id: agents[(i * 7) % AGENTS]!.id, team_id: teamId, created_at: now, updated_at: now,
    }))
    for (let i = 0; i < tickets.length; i += 200) await deps.db.insertInto('tickets').values(tickets.slice(i, i + 200)).execute()

    // As autovacuum would after a bulk load: the planner needs statistics.
    await sql`analyze`.execute(deps.db)
    const need = { language: 'ja', skills: [] as string[], respectCapacity: true, mode: 'least_busy' as const, lastAgentId: agents[17]!.id }
    const decide = async () => pickAgent(await loadCandidates(deps.db, accountId, teamId, 'email'), need)
    const baseline = async () => deps.db.selectFrom('tickets').selectAll().where('account_id', '=', accountId).where('id', '=', tickets[42]!.id).executeTakeFirst()
    for (let i = 0; i < 30; i++) { await decide(); await baseline() }
    const measure = async (fn: () => Promise<unknown>) => {
      const samples: number[] = []
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now()
        await fn()
        samples.push(performance.now() - t)
      }

      return { p50: percentile(samples, 50), p99: percentile(samples, 99) }
    }
    const base = await measure(baseline)
    const real = await measure(decide)
    const picked = await decide()
    const ok = real.p99 <= TARGET_P99_MS && picked !== null
    console.log(`routing on ${dialect}: ${AGENTS} agents online, ${TICKETS} assigned tickets, ${RUNS} decisions`)
    console.log(`  baseline (one indexed select by id): p50 ${base.p50.toFixed(3)} ms, p99 ${base.p99.toFixed(3)} ms`)
    console.log(`  routing decision (least_busy, ja):   p50 ${real.p50.toFixed(3)} ms, p99 ${real.p99.toFixed(3)} ms  (p99 ${(real.p99 / base.p99).toFixed(1)}× baseline)`)
    console.log(`  target p99 ≤ ${TARGET_P99_MS} ms: ${ok ? 'PASS' : 'FAIL'}`)

    return ok
  } finally {
    await deps.cleanup()
  }
}

async function main(): Promise<void> {
  const asked = process.argv.slice(2).filter((a) => a === 'sqlite' || a === 'postgres') as Dialect[]
  const dialects: Dialect[] = asked.length > 0 ? asked : process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite']
  let ok = true
  for (const dialect of dialects) ok = (await benchDialect(dialect)) && ok
  if (!ok) process.exitCode = 1
}

await main()
