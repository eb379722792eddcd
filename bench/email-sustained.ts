/**
 * Sustained mail load: does parse-and-store keep its speed as the tables grow? Sends
 * BENCH_MESSAGES (30,000) through ingestRawEmail into a fresh database, 64 in flight, and prints
 * per window of 3,000: messages/s, its ratio to the second window (the first warm one, the baseline
 * of this run), and CPU per message of this process (all threads) and of every `postgres` process
 * on the machine (backends and background writers; PostgreSQL runs on the same cores). A plan
 * that reads more rows as the account grows shows as a rising PostgreSQL figure (the eighth
 * session found two; docs/benchmarks.md). Nothing else should run on the machine meanwhile.
 * `BENCH_DIALECTS=sqlite,postgres node bin/run-ts.mjs bench/email-sustained.ts`
 */
import fs from 'node:fs'
import { ingestRawEmail } from '../packages/server/src/channels/email/ingest-raw-email.ts'
import { PROCESS_CONCURRENCY } from '../packages/server/src/channels/email/smtp-server.ts'
import { setup } from './email-throughput.ts'
import type { Dialect } from '../packages/server/src/db/create-db.ts'
import { benchOptions } from './lib/options.ts'
import type { BenchOptions } from './lib/options.ts'
import { sampleMail } from './lib/sample-mail.ts'
import { procStatCpuMs } from './lib/thread-cpu.ts'

const WINDOW = 3_000
const total = Number(process.env.BENCH_MESSAGES ?? 30_000)

/** User + system CPU (ms) of every process named `postgres` (Linux /proc; 0 elsewhere). */
function postgresCpuMs(): number {
  if (!fs.existsSync('/proc/self/stat')) return 0
  let ms = 0
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') ms += procStatCpuMs(`/proc/${pid}/stat`)
    } catch {
      // The process ended between the listing and the read.
    }
  }

  return ms
}

const options = benchOptions()
for (const dialect of options.dialects) await sustain(dialect, options)

async function sustain(dialect: Dialect, options: BenchOptions): Promise<void> {
  const { deps, inboxId, close } = await setup(dialect, options)
  const rates: number[] = []
  try {
    for (let window = 0; window * WINDOW < total; window++) {
      let next = 0
      const started = performance.now()
      const cpu = process.cpuUsage()
      const postgres = postgresCpuMs()
      await Promise.all(Array.from({ length: PROCESS_CONCURRENCY }, async () => {
        while (next < WINDOW) {
          const i = window * WINDOW + next++
          await ingestRawEmail(deps, { inboxId, raw: sampleMail(i, 'sustained'), source: 'api' })
        }
      }))
      rates.push(WINDOW / ((performance.now() - started) / 1000))
      const used = process.cpuUsage(cpu)
      console.log([
        `${dialect} messages ${(window + 1) * WINDOW}:`, `${Math.round(rates.at(-1)!)} msgs/s`,
        rates.length > 1 ? `(${(rates.at(-1)! / rates[1]!).toFixed(2)}× window 2)` : '(cold)',
        `node ${((used.user + used.system) / 1000 / WINDOW).toFixed(2)} ms/msg`,
        dialect === 'postgres' ? `postgres ${((postgresCpuMs() - postgres) / WINDOW).toFixed(2)} ms/msg` : '',
        `rss ${Math.round(process.memoryUsage().rss / 1e6)} MB`,
      ].filter(Boolean).join(' '))
    }
  } finally {
    await close()
  }
}
