/**
 * Email channel throughput: messages per second from raw bytes to a stored ticket
 * (parse, classify, store raw + ticket + message), called directly and through a
 * real SMTP conversation with pooled connections (nodemailer in a child process,
 * bench/lib/smtp-sender.ts → our SMTP server in this one). Run alone:
 * `node bin/run-ts.mjs bench/email-throughput.ts [--quick]` (MADOGUCHI_PARSE_THREADS
 * as for the server; 0 parses on the main thread), or through `measureEmail(dialect, options)`.
 * Targets (issue 5): ≥ 1,000 msgs/s parse-and-store, ≥ 300 msgs/s over SMTP.
 */
import { fork } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import pino from 'pino'
import { loadConfig } from '../packages/server/src/config.ts'
import type { Dialect } from '../packages/server/src/db/create-db.ts'
import { buildDeps } from '../packages/server/src/deps.ts'
import { startBackgroundCheckpoints } from '../packages/server/src/db/background-checkpoints.ts'
import type { Deps } from '../packages/server/src/deps.ts'
import { newId } from '../packages/server/src/lib/ids.ts'
import { randomToken } from '../packages/server/src/lib/hash.ts'
import { ingestRawEmail } from '../packages/server/src/channels/email/ingest-raw-email.ts'
import { PROCESS_CONCURRENCY, startSmtpServer } from '../packages/server/src/channels/email/smtp-server.ts'
import { createTicketFromInbound } from '../packages/server/src/tickets/create-ticket-from-inbound.ts'
import { DATA_DIR, openBenchDb } from './lib/bench-db.ts'
import { benchOptions } from './lib/options.ts'
import type { BenchOptions } from './lib/options.ts'
import { BODIES, SUBJECTS, sampleMail } from './lib/sample-mail.ts'
import type { SenderSpec } from './lib/smtp-sender.ts'
import { mainThreadCpuMs } from './lib/thread-cpu.ts'

export const EMAIL_TARGETS = { parseAndStore: 1_000, smtp: 300 } as const
/**
 * Pooled SMTP connections of the sender (BENCH_SMTP_CONNECTIONS). 8 by default, as
 * in earlier runs; Postfix opens up to 20 at once to one destination
 * (default_destination_concurrency_limit).
 */
const smtpConnections = Number(process.env.BENCH_SMTP_CONNECTIONS ?? 8)

export interface EmailBenchResult {
  /** Baseline in the same run: createTicketFromInbound alone (no parsing, no raw storage), same concurrency. */
  ticketOnlyPerSec: number
  parseAndStorePerSec: number
  smtpPerSec: number
  /** CPU time of the server process per message, all its threads (parse workers included). */
  parseAndStoreCpuMs: number
  smtpCpuMs: number
  /** The same, main thread only (null where /proc is missing): what bounds msgs/s on SQLite. */
  parseAndStoreMainCpuMs: number | null
  smtpMainCpuMs: number | null
  /** CPU of the sending child process per message (nodemailer), not part of the figures above. */
  smtpClientCpuMs: number
  parseThreads: number
  messages: number
}

export async function setup(dialect: Dialect, options: BenchOptions): Promise<{ deps: Deps; inboxId: string; accountId: string; close: () => Promise<void> }> {
  const bench = await openBenchDb(dialect, 'email', options.pgUrl, { fresh: true })
  const env = { LOG_LEVEL: 'silent', MADOGUCHI_DEMO: '0', MADOGUCHI_PARSE_THREADS: process.env.MADOGUCHI_PARSE_THREADS }
  const config = { ...loadConfig(env), database: bench.config, dataDir: path.join(DATA_DIR, 'email-blobs') }
  const deps = buildDeps(config, { db: bench.db, logger: pino({ level: 'silent' }) })
  const now = new Date().toISOString()
  const accountId = newId()
  await deps.db.insertInto('accounts').values({ id: accountId, name: 'Bench', created_at: now }).execute()
  const inboxId = newId()
  await deps.db.insertInto('inboxes').values({
    id: inboxId, account_id: accountId, name: 'Support', channel: 'email', addresses: '["support@shop.example"]',
    settings: JSON.stringify({ throttlePerMinute: 1_000_000 }), secret: randomToken(), created_at: now, updated_at: now,
  }).execute()
  await deps.db.insertInto('inbox_addresses').values({ address: 'support@shop.example', account_id: accountId, inbox_id: inboxId }).execute()
  // Parse workers start with the first message (≈ 0.5 s of loading); not part of any figure.
  await deps.emailParser?.parse(sampleMail(0, 'warm-up'), {})
  // As `madoguchi start` does (cli/start-server.ts).
  const checkpoints = await startBackgroundCheckpoints(deps.db, config.database, deps.logger)

  // The PostgreSQL realtime bus holds a LISTEN connection: without closing it the process never exits.
  return {
    deps, inboxId, accountId,
    close: async () => {
      await checkpoints.stop()
      await deps.emailParser?.close()
      await deps.realtime.close()
      await bench.close()
    },
  }
}

/**
 * Called once every message has its 250 (so its raw row is committed): waits until
 * none is left unprocessed. One indexed probe per poll; counting the processed rows
 * instead scanned the whole table 50 times a second and was billed to the messages.
 */
async function untilProcessed(deps: Deps, expected: number): Promise<void> {
  const stored = await deps.db.selectFrom('raw_emails').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  if (Number(stored.n) < expected) throw new Error(`only ${stored.n} of ${expected} messages stored`)
  while (await deps.db.selectFrom('raw_emails').select('id').where('outcome', '=', 'received').limit(1).executeTakeFirst()) {
    await new Promise((r) => setTimeout(r, 20))
  }
}

export async function measureEmail(dialect: Dialect, options: BenchOptions): Promise<EmailBenchResult> {
  const messages = options.quick ? 600 : 3_000
  const warmUp = options.quick ? 200 : 1_000
  const { deps, inboxId, accountId, close } = await setup(dialect, options)
  try {
    // Baseline: the tickets use case the email path ends in, fed pre-parsed input.
    const base = randomToken(4)
    let b = 0
    const baseStarted = performance.now()
    await Promise.all(Array.from({ length: PROCESS_CONCURRENCY }, async () => {
      while (b < messages) {
        const i = b++
        await createTicketFromInbound(deps, {
          accountId, channel: 'email', externalId: `${base}.${i}@example.jp`, subject: SUBJECTS[i % SUBJECTS.length]!, inboxId,
          customer: { email: `base${i}-${base}@example.jp`, name: `顧客 ${i}` }, bodyText: BODIES[i % BODIES.length]!,
        })
      }
    }))
    const ticketOnlyPerSec = messages / ((performance.now() - baseStarted) / 1000)
    // Warm-up, not counted: a server that takes mail all day runs the parse path compiled, while here the
    // parse worker has read one message and its code would be compiled (on the same two cores) during the
    // measurement: V8's helper threads took 0.67–0.77 ms of CPU per message over 3,000 cold messages on
    // SQLite, 0.28–0.36 after a warm-up (2026-11-28, per-thread /proc figures; docs/benchmarks.md).
    await ingestConcurrently(deps, inboxId, Array.from({ length: warmUp }, (_v, i) => sampleMail(i, `warm-${base}`)))
    // A live database has statistics: autovacuum analyzes a table within a minute of its first rows. This
    // one's tables were made seconds ago. Without statistics PostgreSQL once planned the redelivery and
    // contact lookups as scans of all the account's rows; since the indexes of migration
    // 2026_11_28_0700 it has no such plan, and runs with and without this line gave the same figures.
    if (dialect === 'postgres') await sql`analyze`.execute(deps.db)

    // Parse-and-store: ingestRawEmail directly, as many in flight as the SMTP server processes at once.
    const run1 = randomToken(4)
    const mails = Array.from({ length: messages }, (_v, i) => sampleMail(i, run1))
    const cpu1 = process.cpuUsage()
    const main1 = mainThreadCpuMs()
    const started = performance.now()
    await ingestConcurrently(deps, inboxId, mails)
    const parseAndStorePerSec = messages / ((performance.now() - started) / 1000)
    const used1 = process.cpuUsage(cpu1)
    const parseAndStoreMainCpuMs = main1 === null ? null : (mainThreadCpuMs()! - main1) / messages

    // SMTP: pooled connections from a nodemailer child process to our server; counted when every ticket is stored.
    const smtp = await startSmtpServer(deps, { port: 0, host: '127.0.0.1' })
    const sender = await startSender({ port: smtp.port, messages, run: randomToken(4), connections: smtpConnections })
    const cpu2 = process.cpuUsage()
    const main2 = mainThreadCpuMs()
    const smtpStarted = performance.now()
    const client = await sender.go()
    await untilProcessed(deps, warmUp + messages * 2)
    const smtpPerSec = messages / ((performance.now() - smtpStarted) / 1000)
    const used2 = process.cpuUsage(cpu2)
    const smtpMainCpuMs = main2 === null ? null : (mainThreadCpuMs()! - main2) / messages
    await smtp.close()

    return {
      ticketOnlyPerSec, parseAndStorePerSec, smtpPerSec, messages, parseThreads: deps.config.parseThreads,
      parseAndStoreCpuMs: (used1.user + used1.system) / 1000 / messages, parseAndStoreMainCpuMs,
      smtpCpuMs: (used2.user + used2.system) / 1000 / messages, smtpMainCpuMs, smtpClientCpuMs: client.cpuMs / messages,
    }
  } finally {
    await close()
  }
}

/** ingestRawEmail for every mail, as many in flight as the SMTP server processes at once; each must make a ticket. */
async function ingestConcurrently(deps: Deps, inboxId: string, mails: Buffer[]): Promise<void> {
  let next = 0
  await Promise.all(Array.from({ length: PROCESS_CONCURRENCY }, async () => {
    while (next < mails.length) {
      const result = await ingestRawEmail(deps, { inboxId, raw: mails[next++]!, source: 'api' })
      if (result.outcome !== 'ticket_created') throw new Error(`unexpected outcome ${result.outcome}`)
    }
  }))
}

/** Forks bench/lib/smtp-sender.ts and waits until it has built its messages; `go` sends them. */
async function startSender(spec: SenderSpec): Promise<{ go(): Promise<{ cpuMs: number }> }> {
  const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), 'lib', 'smtp-sender.ts')
  const child = fork(entry, [JSON.stringify(spec)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const next = () => new Promise<unknown>((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`smtp sender exited (code ${code})`))
    child.once('exit', onExit)
    child.once('message', (message) => {
      child.off('exit', onExit)
      resolve(message)
    })
  })
  await next()

  return {
    async go() {
      const done = next()
      child.send('go')

      return await done as { cpuMs: number }
    },
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const options = benchOptions()
  for (const dialect of options.dialects) {
    const loadBefore = os.loadavg().map((l) => l.toFixed(1)).join(' ')
    const r = await measureEmail(dialect, options)
    console.log(`${dialect}: baseline createTicketFromInbound alone ${r.ticketOnlyPerSec.toFixed(0)}/s (load before the run ${loadBefore});`)
    const main = (ms: number | null) => (ms === null ? '' : `, main thread ${ms.toFixed(2)}`)
    console.log(`${dialect}: parse-and-store ${r.parseAndStorePerSec.toFixed(0)} msgs/s (target ≥ ${EMAIL_TARGETS.parseAndStore}; server CPU ${r.parseAndStoreCpuMs.toFixed(2)} ms/msg${main(r.parseAndStoreMainCpuMs)}),` +
      ` SMTP → stored ticket ${r.smtpPerSec.toFixed(0)} msgs/s (target ≥ ${EMAIL_TARGETS.smtp}; server CPU ${r.smtpCpuMs.toFixed(2)} ms/msg${main(r.smtpMainCpuMs)}; client ${r.smtpClientCpuMs.toFixed(2)} ms/msg in its own process),` +
      ` ${r.messages} messages each, ${smtpConnections} SMTP connections, ${r.parseThreads} parse threads, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`)
  }
}
