/**
 * Search benchmark (issue 6): on the large data set (bench/generate-data.ts), builds
 * the search index with the real reindex (search/reindex-all.ts), then measures
 * GET /search's use case for two-character Japanese words, longer phrases, English
 * words and single characters, beside a plain `LIKE '%…%'` scan of the same
 * messages (what FreeScout and osTicket do). Also: index build time and size per
 * million messages, and what indexing adds to a ticket creation.
 *
 *   node bin/run-ts.mjs bench/search.ts [--tickets=1000000] [--dialect=sqlite,postgres] [--runs=30] [--rebuild]
 *
 * SQLite works on a copy of the data set (bench/.data/search_large_<N>.db) so
 * other benchmarks keep their file; PostgreSQL indexes the data set's schema.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pino from 'pino'
import { sql } from 'kysely'
import SQLite from 'better-sqlite3'
import type { SearchQuery } from '../packages/shared/src/search.ts'
import type { Config } from '../packages/server/src/config.ts'
import type { Dialect } from '../packages/server/src/db/create-db.ts'
import { createDb } from '../packages/server/src/db/create-db.ts'
import type { Db } from '../packages/server/src/db/database.ts'
import { migrateToLatest } from '../packages/server/src/db/migrate.ts'
import type { Deps } from '../packages/server/src/deps.ts'
import { systemClock } from '../packages/server/src/lib/clock.ts'
import { createInProcessBus } from '../packages/server/src/realtime/realtime-bus.ts'
import { reindexAll } from '../packages/server/src/search/reindex-all.ts'
import { searchEverything } from '../packages/server/src/search/search-everything.ts'
import { ensureLargeDataSet } from './generate-data.ts'
import { DATA_DIR } from './lib/bench-db.ts'
import { percentile } from './lib/stats.ts'
import type { Row } from './lib/table.ts'
import { measureIndexingCost } from './search-create-cost.ts'
import { createTransact } from '../packages/server/src/db/transact.ts'
import { flag } from './lib/options.ts'

export const SEARCH_P99_MS = 50

/** Words the generated conversations contain (bench/generator/vocabulary.ts), and some they do not. */
export const SEARCH_CASES: Record<string, string[]> = {
  'two-character Japanese word': ['返品', '解約', '返金', '配送', '請求', '在庫', '交換'],
  'longer phrase': ['申し訳ございません', '「ご確認ください」', '注文番号', '領収書', '"tracking number"'],
  'English word': ['refund', 'invoice', 'order', 'account', 'warranty', 'customs'],
  'single character': ['円', '届'],
  'no match': ['zzqx', '存在しない単語'],
}

export interface SearchBenchRow {
  dialect: Dialect
  label: string
  p50: number
  p99: number
  samples: number
  note?: string
}

const log = (line: string) => console.log(line)

function depsFor(db: Db, dialect: Dialect): Deps {
  return { db, dialect, transact: createTransact(db, dialect), clock: systemClock, logger: pino({ level: 'warn' }), config: { database: { dialect } } as Config, realtime: createInProcessBus() }
}

/** A consistent copy of the SQLite data set (online backup: the source may be open elsewhere). */
async function sqliteCopy(tickets: number, pgUrl: string): Promise<string> {
  const target = path.join(DATA_DIR, `search_large_${tickets}.db`)
  if (fs.existsSync(target)) return target
  const data = await ensureLargeDataSet('sqlite', tickets, pgUrl, log)
  await data.bench.close()
  const started = performance.now()
  const source = new SQLite(path.join(DATA_DIR, `large_${tickets}.db`), { readonly: true })
  await source.backup(`${target}.tmp`)
  source.close()
  fs.renameSync(`${target}.tmp`, target)
  log(`  copied the data set in ${((performance.now() - started) / 1000).toFixed(0)} s`)

  return target
}

async function openData(dialect: Dialect, tickets: number, pgUrl: string): Promise<{ db: Db; accountId: string }> {
  let db: Db
  if (dialect === 'sqlite') {
    db = createDb({ dialect, filename: await sqliteCopy(tickets, pgUrl) })
    // A migration may rebuild the index of a reused copy (1520: prefix index): say how long.
    const started = performance.now()
    const applied = await migrateToLatest(db)
    if (applied.length > 0) log(`  migrations ${applied.join(', ')} in ${((performance.now() - started) / 1000).toFixed(0)} s`)
  } else {
    const data = await ensureLargeDataSet('postgres', tickets, pgUrl, log)
    db = data.bench.db
  }
  const account = await db.selectFrom('accounts').select('id').where('name', '=', 'Madoguchi Bench').executeTakeFirstOrThrow()
  if (dialect === 'sqlite') await sql`pragma cache_size = -262144`.execute(db)

  return { db, accountId: account.id }
}

async function count(db: Db, table: 'messages' | 'search_documents', accountId: string): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', accountId).executeTakeFirstOrThrow()

  return Number(row.n)
}

/** Builds the index when it is missing or incomplete; returns build figures. */
async function buildIndex(deps: Deps, accountId: string, rows: SearchBenchRow[], messages: number): Promise<void> {
  const { db, dialect } = deps
  const expected = messages // at least the messages; tickets and customers come on top
  if (!process.argv.includes('--rebuild') && (await count(db, 'search_documents', accountId)) > expected) {
    log('  reusing the existing search index')

    return
  }
  await db.deleteFrom('search_documents').execute()
  if (dialect === 'sqlite') await sql`delete from search_fts`.execute(db)
  // PostgreSQL: load first, build the GIN index once (as after a bulk import).
  if (dialect === 'postgres') await sql`drop index if exists search_documents_tsv_idx`.execute(db)
  let started = performance.now()
  let last = started
  const documents = await reindexAll(deps, {
    accountId,
    batchSize: 2000,
    onBatch: (at, done) => {
      if (performance.now() - last > 30_000) {
        last = performance.now()
        log(`    ${done.toLocaleString('en-US')} documents (${((last - started) / 1000).toFixed(0)} s)`)
      }
    },
  })
  const loadSeconds = (performance.now() - started) / 1000
  started = performance.now()
  const perMillion = (s: number) => `${((s / messages) * 1e6).toFixed(0)} s per million messages`
  // SQLite: reindexAll loads with FTS5 automerge off and ends with one 'optimize'.
  rows.push({ dialect, label: `index build: documents written (reindex-all${dialect === 'sqlite' ? ', FTS5 optimize included' : ''})`, p50: loadSeconds, p99: loadSeconds, samples: documents, note: perMillion(loadSeconds) })
  if (dialect === 'sqlite') {
    log(`  indexed ${documents.toLocaleString('en-US')} documents in ${loadSeconds.toFixed(0)} s`)

    return
  }
  await sql`set maintenance_work_mem = '512MB'`.execute(db)
  await sql`create index search_documents_tsv_idx on search_documents using gin (index_tsv)`.execute(db)
  await sql`analyze search_documents`.execute(db)
  const finishSeconds = (performance.now() - started) / 1000
  log(`  indexed ${documents.toLocaleString('en-US')} documents in ${loadSeconds.toFixed(0)} s + ${finishSeconds.toFixed(0)} s (GIN build)`)
  rows.push({ dialect, label: 'index build: GIN index + analyze', p50: finishSeconds, p99: finishSeconds, samples: 1, note: perMillion(finishSeconds) })
}

async function indexSize(db: Db, dialect: Dialect): Promise<{ text: number; rows: number }> {
  if (dialect === 'postgres') {
    const r = await sql<{ text: number; rows: number }>`select pg_relation_size('search_documents_tsv_idx')::bigint as text, (pg_total_relation_size('search_documents') - pg_relation_size('search_documents_tsv_idx'))::bigint as rows`.execute(db)

    return { text: Number(r.rows[0]!.text), rows: Number(r.rows[0]!.rows) }
  }
  const r = await sql<{ name: string; size: number }>`select name, sum(pgsize) as size from dbstat where name like 'search_%' group by name`.execute(db)
  const sum = (f: (n: string) => boolean) => r.rows.filter((x) => f(x.name)).reduce((a, x) => a + Number(x.size), 0)

  return { text: sum((n) => n.startsWith('search_fts')), rows: sum((n) => !n.startsWith('search_fts')) }
}

async function timeSearch(deps: Deps, viewer: Parameters<typeof searchEverything>[1], input: SearchQuery, runs: number): Promise<number[]> {
  const samples: number[] = []
  await searchEverything(deps, viewer, input) // warm
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    await searchEverything(deps, viewer, input)
    samples.push(performance.now() - t)
  }

  return samples
}

/** The baseline: newest 20 messages containing the text, and the count a paginated LIKE search shows. */
async function timeLike(db: Db, accountId: string, word: string, runs: number): Promise<{ page: number[]; count: number[] }> {
  const pattern = `%${word.replace(/["「」]/g, '')}%`
  const page: number[] = []
  const counted: number[] = []
  for (let i = 0; i < runs; i++) {
    let t = performance.now()
    await sql`select id from messages where account_id = ${accountId} and body_text like ${pattern} order by id desc limit 20`.execute(db)
    page.push(performance.now() - t)
    t = performance.now()
    await sql`select count(*) from messages where account_id = ${accountId} and body_text like ${pattern}`.execute(db)
    counted.push(performance.now() - t)
  }

  return { page, count: counted }
}

export async function measureSearch(dialect: Dialect, tickets: number, pgUrl: string, runs: number): Promise<SearchBenchRow[]> {
  const rows: SearchBenchRow[] = []
  log(`${dialect}: search on ${tickets.toLocaleString('en-US')} tickets`)
  const { db, accountId } = await openData(dialect, tickets, pgUrl)
  try {
    const deps = depsFor(db, dialect)
    const messages = await count(db, 'messages', accountId)
    log(`  ${messages.toLocaleString('en-US')} messages`)
    await buildIndex(deps, accountId, rows, messages)
    const size = await indexSize(db, dialect)
    const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MB`
    rows.push({ dialect, label: 'index size: token index / document rows', p50: size.text, p99: size.rows, samples: 1, note: `${mb(size.text)} + ${mb(size.rows)}; per million messages ${mb((size.text / messages) * 1e6)} + ${mb((size.rows / messages) * 1e6)}` })
    const admin = await db.selectFrom('agents').select('id').where('account_id', '=', accountId).where('role', '=', 'admin').executeTakeFirstOrThrow()
    const viewer = { accountId, agentId: admin.id, role: 'admin' as const, teamIds: [] }
    for (const [label, words] of Object.entries(SEARCH_CASES)) {
      for (const type of [undefined, 'message'] as const) {
        const samples: number[] = []
        for (const q of words) samples.push(...(await timeSearch(deps, viewer, { q, limit: 20, ...(type && { type }) }, runs)))
        rows.push({ dialect, label: `search ${type ? 'type=message' : '(tickets)'}: ${label}`, p50: percentile(samples, 50), p99: percentile(samples, 99), samples: samples.length, note: words.join(' ') })
        log(`  ${rows.at(-1)!.label}: p50 ${rows.at(-1)!.p50.toFixed(1)} ms, p99 ${rows.at(-1)!.p99.toFixed(1)} ms`)
      }
      const page: number[] = []
      const counted: number[] = []
      for (const q of words.slice(0, 2)) {
        const like = await timeLike(db, accountId, q, 3)
        page.push(...like.page)
        counted.push(...like.count)
      }
      rows.push({ dialect, label: `baseline LIKE '%…%' newest 20: ${label}`, p50: percentile(page, 50), p99: percentile(page, 99), samples: page.length })
      rows.push({ dialect, label: `baseline LIKE '%…%' count: ${label}`, p50: percentile(counted, 50), p99: percentile(counted, 99), samples: counted.length })
      log(`  LIKE newest 20 p50 ${rows.at(-2)!.p50.toFixed(0)} ms / count p50 ${rows.at(-1)!.p50.toFixed(0)} ms`)
    }
  } finally {
    await db.destroy()
  }
  rows.push(...(await measureIndexingCost(dialect, log)))

  return rows
}

/** The same figures as rows of `npm run bench` (bench/run-all.ts). */
export function toBenchRows(rows: SearchBenchRow[]): Row[] {
  return rows.map((r) => {
    const search = r.label.startsWith('search')
    const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 0)} ms`
    const figure = r.label.startsWith('index size')
      ? r.note ?? ''
      : r.label.startsWith('index build')
        ? `${r.p50.toFixed(0)} s (${r.note ?? ''})`
        : r.label.startsWith('create')
          ? `${r.p50.toFixed(r.p50 < 10 ? 2 : 0)} ${r.note ?? ''}`
          : `p50 ${ms(r.p50)} / p99 ${ms(r.p99)}`

    return {
      benchmark: r.label, dialect: r.dialect, figure, vsHello: '', vsRawInsert: '',
      target: search ? `p99 ≤ ${SEARCH_P99_MS} ms` : '', verdict: search ? (r.p99 <= SEARCH_P99_MS ? 'ok' : 'MISSED') : '',
    }
  })
}

function formatRows(rows: SearchBenchRow[]): string {
  const lines = ['| case | dialect | p50 | p99 | samples | verdict / note |', '|---|---|---|---|---|---|']
  for (const r of rows) {
    const timing = r.label.startsWith('search')
    const unit = r.label.startsWith('index size') ? '' : r.label.startsWith('index build') ? ' s' : r.label.startsWith('create') ? '' : ' ms'
    const value = (v: number) => (r.label.startsWith('index size') ? `${(v / 2 ** 20).toFixed(0)} MB` : `${v.toFixed(v < 10 ? 2 : 0)}${unit}`)
    const verdict = timing ? (r.p99 <= SEARCH_P99_MS ? `ok (p99 ≤ ${SEARCH_P99_MS} ms)` : `MISSED (p99 ≤ ${SEARCH_P99_MS} ms)`) : ''
    lines.push(`| ${r.label} | ${r.dialect} | ${value(r.p50)} | ${value(r.p99)} | ${r.samples} | ${[verdict, r.note].filter(Boolean).join('; ')} |`)
  }

  return lines.join('\n')
}

async function main(): Promise<void> {
  const tickets = Number(flag('tickets') ?? process.env.BENCH_TICKETS ?? 1_000_000)
  const dialects = (flag('dialect') ?? 'sqlite,postgres').split(',') as Dialect[]
  const runs = Number(flag('runs') ?? 30)
  const pgUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
  const rows: SearchBenchRow[] = []
  // Others may share the machine: the load average belongs with the figures.
  const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' / ')
  const header = [`started ${new Date().toISOString()}, load average (1/5/15 min) ${load()}, ${os.cpus().length} CPUs`]
  for (const dialect of dialects) {
    rows.push(...(await measureSearch(dialect, tickets, pgUrl, runs)))
    header.push(`${dialect} done ${new Date().toISOString()}, load average ${load()}`)
  }
  const table = `${header.join('\n')}\n\n${formatRows(rows)}`
  console.log(`\n${table}`)
  fs.writeFileSync(path.join(DATA_DIR, `search-${new Date().toISOString().replace(/[:.]/g, '-')}.md`), `${table}\n`)
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().then(() => process.exit(0), (error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
