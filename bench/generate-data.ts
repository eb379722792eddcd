/**
 * The large benchmark data set: N tickets (default 1,000,000) with ~N/5 customers and
 * their contacts, 1–6 messages per ticket (≈ 3.15 on average: ≥ 3,000,000 messages for
 * 1,000,000 tickets) and tags, loaded straight into the database
 * (after the real migrator) with bulk multi-row inserts. The result is kept in
 * bench/.data/ (SQLite file) or the `bench_large_<N>` schema (PostgreSQL) and reused
 * by later runs.
 *
 *   node bin/run-ts.mjs bench/generate-data.ts [--tickets=1000000] [--dialect=sqlite|postgres] [--fresh]
 */
import { pathToFileURL } from 'node:url'
import type { Dialect } from '../packages/server/src/db/create-db.ts'
import { parseJson, toJson } from '../packages/server/src/db/json.ts'
import { API_TOKEN_PREFIX } from '../packages/server/src/auth/resolve-principal.ts'
import { randomToken, sha256 } from '../packages/server/src/lib/hash.ts'
import { newId } from '../packages/server/src/lib/ids.ts'
import { JA_FAMILY_NAMES, JA_GIVEN_NAMES } from '../packages/server/src/demo/demo-names.ts'
import type { BenchDb } from './lib/bench-db.ts'
import { dropBenchDb, openBenchDb } from './lib/bench-db.ts'
import { seededRandom } from './lib/stats.ts'
import { openBulkWriter } from './generator/bulk-writer.ts'
import type { WorldSpec } from './generator/rows.ts'
import { customerBatch, ticketBatch, SPAN_MS } from './generator/rows.ts'
import { TEAM_NAMES } from './generator/vocabulary.ts'
import { flag } from './lib/options.ts'

export const BENCH_ACCOUNT_NAME = 'Madoguchi Bench'
const AGENTS = 50
const CUSTOMER_CHUNK = 20_000
const TICKET_CHUNK = 10_000

export interface LargeDataSet {
  bench: BenchDb
  accountId: string
  /** A fresh admin API token for this run. */
  token: string
  tickets: number
  /** Seconds spent generating, or null when an existing data set was reused. */
  generatedSeconds: number | null
}

/** Bumped when the generator makes different data: an older data set is then made anew. */
const GENERATOR_VERSION = 2

interface Marker {
  bench?: { tickets: number; complete: boolean; generatedAt: string; version?: number }
}

async function findComplete(bench: BenchDb, tickets: number): Promise<string | null> {
  const account = await bench.db.selectFrom('accounts').select(['id', 'settings']).where('name', '=', BENCH_ACCOUNT_NAME).executeTakeFirst()
  const marker = parseJson<Marker>(account?.settings, {})

  return account && marker.bench?.complete && marker.bench.tickets === tickets && marker.bench.version === GENERATOR_VERSION ? account.id : null
}

async function createToken(bench: BenchDb, accountId: string): Promise<string> {
  const admin = await bench.db.selectFrom('agents').select('id').where('account_id', '=', accountId).where('role', '=', 'admin').executeTakeFirstOrThrow()
  const token = `${API_TOKEN_PREFIX}${randomToken()}`
  const now = new Date().toISOString()
  await bench.db.insertInto('api_tokens').values({ id: newId(), account_id: accountId, agent_id: admin.id, name: 'bench', token_hash: sha256(token), prefix: token.slice(0, 10), created_at: now }).execute()

  return token
}

/** Opens the data set for `tickets`, generating it first when it is missing or incomplete. */
export async function ensureLargeDataSet(dialect: Dialect, tickets: number, pgUrl: string, log: (line: string) => void = console.log): Promise<LargeDataSet> {
  const name = `large_${tickets}`
  let bench = await openBenchDb(dialect, name, pgUrl)
  if (bench.reused) {
    const accountId = await findComplete(bench, tickets)
    if (accountId) return { bench, accountId, token: await createToken(bench, accountId), tickets, generatedSeconds: null }
    await bench.close()
    await dropBenchDb(dialect, name, pgUrl)
    bench = await openBenchDb(dialect, name, pgUrl)
  }
  const started = performance.now()
  const accountId = await generate(bench, tickets, log)
  const generatedSeconds = (performance.now() - started) / 1000
  log(`  generated ${tickets.toLocaleString('en-US')} tickets on ${dialect} in ${generatedSeconds.toFixed(0)} s`)

  return { bench, accountId, token: await createToken(bench, accountId), tickets, generatedSeconds }
}

async function generate(bench: BenchDb, tickets: number, log: (line: string) => void): Promise<string> {
  const rand = seededRandom(20261127)
  const now = Date.now()
  const iso = new Date(now - SPAN_MS - 86_400_000).toISOString()
  const accountId = newId()
  await bench.db.insertInto('accounts').values({ id: accountId, name: BENCH_ACCOUNT_NAME, created_at: iso }).execute()
  const teamIds = TEAM_NAMES.map(() => newId())
  await bench.db.insertInto('teams').values(TEAM_NAMES.map((team, i) => ({ id: teamIds[i]!, account_id: accountId, name: team, is_partner: i === 3 ? 1 : 0, created_at: iso }))).execute()
  const agentsByTeam: string[][] = teamIds.map(() => [])
  for (let a = 0; a < AGENTS; a++) {
    const id = newId()
    const role = a === 0 ? 'admin' : a < 5 ? 'supervisor' : a < 43 ? 'agent' : 'partner'
    const team = role === 'partner' ? 3 : [0, 1, 2, 4, 5][a % 5]!
    const family = JA_FAMILY_NAMES[a % JA_FAMILY_NAMES.length]!
    const given = JA_GIVEN_NAMES[(a * 7) % JA_GIVEN_NAMES.length]!
    await bench.db.insertInto('agents').values({ id, account_id: accountId, email: `agent${a}@bench.example.jp`, name: `${family.kanji} ${given.kanji}`, role, created_at: iso, updated_at: iso }).execute()
    await bench.db.insertInto('agent_teams').values({ account_id: accountId, agent_id: id, team_id: teamIds[team]! }).execute()
    agentsByTeam[team]!.push(id)
  }

  const customers = Math.max(10, Math.round(tickets / 5))
  const spec: WorldSpec = { accountId, customers, tickets, now, teamIds, agentsByTeam }
  const writer = await openBulkWriter(bench.config)
  const loaded = ['customers', 'customer_contacts', 'tickets', 'ticket_tags', 'messages']
  const restoreIndexes = await writer.dropIndexes(loaded)
  const crns = new Set<string>()
  const customerIds: string[] = []
  const languages: Array<'ja' | 'en'> = []
  let t0 = performance.now()
  for (let from = 0; from < customers; from += CUSTOMER_CHUNK) {
    const batch = customerBatch(spec, from, Math.min(customers, from + CUSTOMER_CHUNK), rand, crns)
    await writer.begin()
    await writer.insert('customers', batch.customers)
    await writer.insert('customer_contacts', batch.contacts)
    await writer.commit()
    for (const c of batch.customers) customerIds.push(c.id as string)
    languages.push(...batch.languages)
  }
  log(`  customers: ${customers.toLocaleString('en-US')} in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
  t0 = performance.now()
  for (let from = 0; from < tickets; from += TICKET_CHUNK) {
    const batch = ticketBatch(spec, from, Math.min(tickets, from + TICKET_CHUNK), rand, languages, customerIds)
    await writer.begin()
    await writer.insert('tickets', batch.tickets)
    await writer.insert('ticket_tags', batch.tags)
    await writer.insert('messages', batch.messages)
    await writer.commit()
    if ((from / TICKET_CHUNK) % 20 === 19) log(`  tickets: ${(from + TICKET_CHUNK).toLocaleString('en-US')} (${((performance.now() - t0) / 1000).toFixed(0)} s)`)
  }
  log(`  tickets: ${tickets.toLocaleString('en-US')} in ${((performance.now() - t0) / 1000).toFixed(1)} s; rebuilding indexes`)
  t0 = performance.now()
  await restoreIndexes()
  await writer.analyze(loaded)
  await writer.close()
  log(`  indexes rebuilt in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
  const marker: Marker = { bench: { tickets, complete: true, generatedAt: new Date().toISOString(), version: GENERATOR_VERSION } }
  await bench.db.updateTable('accounts').set({ next_ticket_number: tickets + 1, settings: toJson(marker) }).where('id', '=', accountId).execute()

  return accountId
}

async function main(): Promise<void> {
  const tickets = Number(flag('tickets') ?? process.env.BENCH_TICKETS ?? 1_000_000)
  const dialects = (flag('dialect') ?? 'sqlite').split(',') as Dialect[]
  const pgUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
  for (const dialect of dialects) {
    if (process.argv.includes('--fresh')) await dropBenchDb(dialect, `large_${tickets}`, pgUrl)
    console.log(`${dialect}: data set of ${tickets.toLocaleString('en-US')} tickets`)
    const data = await ensureLargeDataSet(dialect, tickets, pgUrl)
    if (data.generatedSeconds === null) console.log('  reused the existing data set')
    await data.bench.close()
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
