/**
 * Sustained mail load: does parse-and-store keep its speed as the tables grow? Sends
 * BENCH_MESSAGES (30,000; 9,000 with --quick) through ingestRawEmail into a fresh database, 64 in
 * flight, and reports per window of 3,000: messages/s, its ratio to the second window (the first
 * warm one, the baseline of this run), and CPU per message of this process (all threads) and of
 * every `postgres` process on the machine (backends and background writers; PostgreSQL runs on the
 * same cores). A plan that reads more rows as the account grows shows as a falling ratio and a
 * rising PostgreSQL figure (the eighth session found two; docs/benchmarks.md). Part of `npm run
 * bench`; alone: `BENCH_DIALECTS=sqlite,postgres node bin/run-ts.mjs bench/email-sustained.ts`.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ingestRawEmail } from '../packages/server/src/channels/email/ingest-raw-email.ts'
import { PROCESS_CONCURRENCY } from '../packages/server/src/channels/email/smtp-server.ts'
import type { Dialect } from '../packages/server/src/db/create-db.ts'
import { setup } from './email-throughput.ts'
import { benchOptions } from './lib/options.ts'
import type { BenchOptions } from './lib/options.ts'
import { sampleMail } from './lib/sample-mail.ts'
import { procStatCpuMs } from './lib/thread-cpu.ts'

const WINDOW = 3_000
/** The last window may be this much slower than the second before the row says MISSED (the VM drifts ±15 %). */
export const SUSTAINED_FLOOR = 0.8

export interface SustainedWindow {
  messages: number
  perSec: number
  nodeCpuMs: number
  /** Null on SQLite. */
  postgresCpuMs: number | null
  rssMb: number
}

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

export async function measureSustained(dialect: Dialect, options: BenchOptions, onWindow: (w: SustainedWindow) => void = () => {}): Promise<SustainedWindow[]> {
  const total = Number(process.env.BENCH_MESSAGES ?? (options.quick ? 9_000 : 30_000))
  const { deps, inboxId, close } = await setup(dialect, options)
  const windows: SustainedWindow[] = []
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
      const perSec = WINDOW / ((performance.now() - started) / 1000)
      const used = process.cpuUsage(cpu)
      windows.push({
        messages: (window + 1) * WINDOW, perSec, nodeCpuMs: (used.user + used.system) / 1000 / WINDOW,
        postgresCpuMs: dialect === 'postgres' ? (postgresCpuMs() - postgres) / WINDOW : null, rssMb: process.memoryUsage().rss / 1e6,
      })
      onWindow(windows.at(-1)!)
    }
  } finally {
    await close()
  }

  return windows
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const options = benchOptions()
  for (const dialect of options.dialects) {
    const seen: SustainedWindow[] = []
    await measureSustained(dialect, options, (w) => {
      seen.push(w)
      console.log([
        `${dialect} messages ${w.messages}:`, `${Math.round(w.perSec)} msgs/s`,
        seen.length > 1 ? `(${(w.perSec / seen[1]!.perSec).toFixed(2)}× window 2)` : '(cold)',
        `node ${w.nodeCpuMs.toFixed(2)} ms/msg`, w.postgresCpuMs === null ? '' : `postgres ${w.postgresCpuMs.toFixed(2)} ms/msg`,
        `rss ${Math.round(w.rssMb)} MB`,
      ].filter(Boolean).join(' '))
    })
  }
}
