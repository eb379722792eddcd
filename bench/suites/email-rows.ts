import type { Dialect } from '../../packages/server/src/db/create-db.ts'
import { SUSTAINED_FLOOR } from '../email-sustained.ts'
import type { SustainedWindow } from '../email-sustained.ts'
import { EMAIL_TARGETS } from '../email-throughput.ts'
import type { EmailBenchResult } from '../email-throughput.ts'
import type { Row } from '../lib/table.ts'
import { fmt, verdict } from '../lib/table.ts'

/**
 * The email benchmark (issue 5) as rows of `npm run bench`: each figure against bare
 * Fastify (A) like the rest, and against its own baseline C, createTicketFromInbound
 * alone in the same run, which is what the mail path ends in.
 */
export function emailRows(dialect: Dialect, r: EmailBenchResult, helloPerSec: number): Row[] {
  const row = (benchmark: string, figure: string, perSec: number | null, target = '', ok: boolean | null = null): Row => ({
    benchmark, dialect, figure, vsHello: perSec === null ? '' : fmt.ratio(perSec / helloPerSec), vsRawInsert: '', target, verdict: ok === null ? '' : verdict(ok),
  })
  const ofBaseline = (perSec: number) => `${fmt.rate(perSec)} (${fmt.ratio(perSec / r.ticketOnlyPerSec)} C)`

  return [
    row('C: email baseline, createTicketFromInbound alone', fmt.rate(r.ticketOnlyPerSec), r.ticketOnlyPerSec),
    row(`email parse-and-store (${r.messages.toLocaleString('en-US')} msgs, ${r.parseThreads} parse thread(s))`, ofBaseline(r.parseAndStorePerSec), r.parseAndStorePerSec,
      `≥ ${EMAIL_TARGETS.parseAndStore.toLocaleString('en-US')}/s`, r.parseAndStorePerSec >= EMAIL_TARGETS.parseAndStore),
    row('email SMTP → stored ticket (pooled connections)', ofBaseline(r.smtpPerSec), r.smtpPerSec, `≥ ${EMAIL_TARGETS.smtp}/s`, r.smtpPerSec >= EMAIL_TARGETS.smtp),
    row('email server CPU per message, parse-and-store / SMTP', `${fmt.ms(r.parseAndStoreCpuMs)} / ${fmt.ms(r.smtpCpuMs)}`, null),
  ]
}

/**
 * The sustained run as one row: the last window against the second (the first warm one) of the same
 * run; a plan or a cache that degrades as the tables grow shows here, not in a 3,000-message figure.
 */
export function sustainedRow(dialect: Dialect, windows: SustainedWindow[]): Row {
  const [second, last] = [windows[1] ?? windows[0]!, windows.at(-1)!]
  const ratio = last.perSec / second.perSec
  const pg = second.postgresCpuMs === null || last.postgresCpuMs === null ? '' : `, PostgreSQL ${fmt.ms(second.postgresCpuMs)} → ${fmt.ms(last.postgresCpuMs)}`

  return {
    benchmark: `email sustained: ${last.messages.toLocaleString('en-US')} msgs, last 3,000 vs the 2nd`, dialect,
    figure: `${fmt.rate(second.perSec)} → ${fmt.rate(last.perSec)} (${fmt.ratio(ratio)}; CPU per msg ours ${fmt.ms(second.nodeCpuMs)} → ${fmt.ms(last.nodeCpuMs)}${pg})`,
    vsHello: '', vsRawInsert: '', target: `≥ ${SUSTAINED_FLOOR}× the 2nd`, verdict: verdict(ratio >= SUSTAINED_FLOOR),
  }
}
