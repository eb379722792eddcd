// Sustained load: N messages through ingestRawEmail, throughput per window.
import { setup } from '../email-throughput.ts'
import { ingestRawEmail } from '../../packages/server/src/channels/email/ingest-raw-email.ts'
import { PROCESS_CONCURRENCY } from '../../packages/server/src/channels/email/smtp-server.ts'
import { sampleMail } from '../lib/sample-mail.ts'
import { benchOptions } from '../lib/options.ts'
import fs from 'node:fs'
function pgCpuMs(): number {
  let t = 0
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
      if (!stat.includes('(postgres)')) continue
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      t += (Number(f[11]) + Number(f[12])) * 10
    } catch { /* gone */ }
  }
  return t
}
import type { Dialect } from '../../packages/server/src/db/create-db.ts'

const dialect = (process.env.D ?? 'postgres') as Dialect
const total = Number(process.env.N ?? 30000), win = 3000
const { deps, inboxId, close } = await setup(dialect, benchOptions())
const rates: number[] = []
import { sql } from 'kysely'
for (let w = 0; w < total / win; w++) {
  if (process.env.ANALYZE) await sql`analyze`.execute(deps.db)
  let next = 0
  const t = performance.now(); const c = process.cpuUsage(); const p = pgCpuMs()
  await Promise.all(Array.from({ length: PROCESS_CONCURRENCY }, async () => {
    while (next < win) { const i = next++; await ingestRawEmail(deps, { inboxId, raw: sampleMail(w * win + i, 'long'), source: 'api' }) }
  }))
  rates.push(Math.round(win / ((performance.now() - t) / 1000)))
  console.log(dialect, `window ${w + 1}: ${rates.at(-1)}/s, node ${((process.cpuUsage(c).user + process.cpuUsage(c).system) / 1000 / win).toFixed(2)} pg ${((pgCpuMs() - p) / win).toFixed(2)} ms/msg, rss ${Math.round(process.memoryUsage().rss / 1e6)} MB`)
}
await close()
