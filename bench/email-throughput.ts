/**
 * Email channel throughput: messages per second from raw bytes to a stored ticket
 * (parse, classify, store raw + ticket + message), called directly and through a
 * real SMTP conversation with pooled connections (nodemailer → our SMTP server, in
 * this process). Run alone: `node bin/run-ts.mjs bench/email-throughput.ts [--quick]`,
 * or from run-all.ts through `measureEmail(dialect, options)`.
 * Targets (issue 5): ≥ 1,000 msgs/s parse-and-store, ≥ 300 msgs/s over SMTP.
 */
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import nodemailer from 'nodemailer'
import pino from 'pino'
import { loadConfig } from '../packages/server/src/config.ts'
import type { Dialect } from '../packages/server/src/db/create-db.ts'
import { buildDeps } from '../packages/server/src/deps.ts'
import type { Deps } from '../packages/server/src/deps.ts'
import { newId } from '../packages/server/src/lib/ids.ts'
import { randomToken } from '../packages/server/src/lib/hash.ts'
import { ingestRawEmail } from '../packages/server/src/channels/email/ingest-raw-email.ts'
import { processConcurrencyFor, startSmtpServer } from '../packages/server/src/channels/email/smtp-server.ts'
import { createTicketFromInbound } from '../packages/server/src/tickets/create-ticket-from-inbound.ts'
import { encodeText } from '../packages/server/src/channels/email/charsets.ts'
import { DATA_DIR, openBenchDb } from './lib/bench-db.ts'
import { benchOptions } from './lib/options.ts'
import type { BenchOptions } from './lib/options.ts'

export const EMAIL_TARGETS = { parseAndStore: 1_000, smtp: 300 } as const

export interface EmailBenchResult {
  /** Baseline in the same run: createTicketFromInbound alone (no parsing, no raw storage), same concurrency. */
  ticketOnlyPerSec: number
  parseAndStorePerSec: number
  smtpPerSec: number
  /** CPU time of this process per message (server and, for SMTP, the nodemailer client too). */
  parseAndStoreCpuMs: number
  smtpCpuMs: number
  messages: number
}

const SUBJECTS = ['注文した商品が届きません', '返品・交換について', 'Question about my invoice', '①の件で至急ご確認ください', 'Delivery date 10〜12時', '解約の手続きについて']
const BODIES = [
  'いつもお世話になっております。\n先日注文した商品（注文番号 A-{n}）がまだ届いておりません。\n配送状況を確認していただけますでしょうか。\n\nよろしくお願いいたします。\n山田',
  'Hello,\n\nI was charged twice for order #{n}. Could you please refund one of the payments?\n\nThanks,\nJohn',
  'お世話になります。\n届いた商品に傷がありました。交換をお願いできますか。\n写真を添付します。\n\n-----元のメッセージ-----\n差出人: support@shop.example\n件名: ご注文ありがとうございます\n\nご注文ありがとうございます。',
]

/** A realistic customer mail: ja/en, UTF-8 or ISO-2022-JP, plain or multipart/alternative. */
export function sampleMail(i: number, run: string): Buffer {
  const subject = SUBJECTS[i % SUBJECTS.length]!
  const body = BODIES[i % BODIES.length]!.replace('{n}', String(1000 + i))
  const jis = i % 4 === 1
  const charset = jis ? 'ISO-2022-JP' : 'UTF-8'
  const word = (s: string) => `=?${charset}?B?${(jis ? encodeText(s, 'iso-2022-jp') : Buffer.from(s)).toString('base64')}?=`
  const head = [
    `From: ${word(`顧客 ${i}`)} <customer${i}-${run}@example.jp>`, 'To: support@shop.example', `Subject: ${word(subject)}`,
    `Message-ID: <${run}.${i}@example.jp>`, 'Date: Fri, 27 Nov 2026 10:00:00 +0900', 'MIME-Version: 1.0',
  ]
  if (i % 3 === 2) {
    const html = `<p>${body.replace(/\n/g, '<br>')}</p>`
    head.push('Content-Type: multipart/alternative; boundary="b"')

    return Buffer.from(`${head.join('\r\n')}\r\n\r\n--b\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from(body).toString('base64')}\r\n--b\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from(html).toString('base64')}\r\n--b--\r\n`, 'latin1')
  }
  head.push(`Content-Type: text/plain; charset=${charset}`, `Content-Transfer-Encoding: ${jis ? '7bit' : 'base64'}`)
  const content = jis ? body.split('\n').map((l) => encodeText(l, 'iso-2022-jp').toString('latin1')).join('\r\n') : Buffer.from(body).toString('base64')

  return Buffer.from(`${head.join('\r\n')}\r\n\r\n${content}\r\n`, 'latin1')
}

export async function setup(dialect: Dialect, options: BenchOptions): Promise<{ deps: Deps; inboxId: string; accountId: string; close: () => Promise<void> }> {
  const bench = await openBenchDb(dialect, 'email', options.pgUrl, { fresh: true })
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', MADOGUCHI_DEMO: '0' }), database: bench.config, dataDir: path.join(DATA_DIR, 'email-blobs') }
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

  // The PostgreSQL realtime bus holds a LISTEN connection: without closing it the process never exits.
  return { deps, inboxId, accountId, close: async () => { await deps.realtime.close(); await bench.close() } }
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
  const { deps, inboxId, accountId, close } = await setup(dialect, options)
  try {
    // Baseline: the tickets use case the email path ends in, fed pre-parsed input.
    const base = randomToken(4)
    let b = 0
    const baseStarted = performance.now()
    await Promise.all(Array.from({ length: processConcurrencyFor(dialect) }, async () => {
      while (b < messages) {
        const i = b++
        await createTicketFromInbound(deps, {
          accountId, channel: 'email', externalId: `${base}.${i}@example.jp`, subject: SUBJECTS[i % SUBJECTS.length]!, inboxId,
          customer: { email: `base${i}-${base}@example.jp`, name: `顧客 ${i}` }, bodyText: BODIES[i % BODIES.length]!,
        })
      }
    }))
    const ticketOnlyPerSec = messages / ((performance.now() - baseStarted) / 1000)

    // Parse-and-store: ingestRawEmail directly, as many in flight as the SMTP server processes at once.
    const run1 = randomToken(4)
    const mails = Array.from({ length: messages }, (_v, i) => sampleMail(i, run1))
    let next = 0
    const cpu1 = process.cpuUsage()
    const started = performance.now()
    await Promise.all(Array.from({ length: processConcurrencyFor(dialect) }, async () => {
      while (next < mails.length) {
        const result = await ingestRawEmail(deps, { inboxId, raw: mails[next++]!, source: 'api' })
        if (result.outcome !== 'ticket_created') throw new Error(`unexpected outcome ${result.outcome}`)
      }
    }))
    const parseAndStorePerSec = messages / ((performance.now() - started) / 1000)
    const used1 = process.cpuUsage(cpu1)
    const parseAndStoreCpuMs = (used1.user + used1.system) / 1000 / messages

    // SMTP: pooled connections from nodemailer to our server; counted when every ticket is stored.
    const smtp = await startSmtpServer(deps, { port: 0, host: '127.0.0.1' })
    const mailer = nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true, pool: true, maxConnections: 8, maxMessages: Infinity })
    const run2 = randomToken(4)
    const smtpMails = Array.from({ length: messages }, (_v, i) => sampleMail(i, run2))
    const cpu2 = process.cpuUsage()
    const smtpStarted = performance.now()
    await Promise.all(smtpMails.map((raw) => mailer.sendMail({ envelope: { from: 'customer@example.jp', to: ['support@shop.example'] }, raw })))
    await untilProcessed(deps, messages * 2)
    const smtpPerSec = messages / ((performance.now() - smtpStarted) / 1000)
    const used2 = process.cpuUsage(cpu2)
    const smtpCpuMs = (used2.user + used2.system) / 1000 / messages
    mailer.close()
    await smtp.close()

    return { ticketOnlyPerSec, parseAndStorePerSec, smtpPerSec, parseAndStoreCpuMs, smtpCpuMs, messages }
  } finally {
    await close()
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const options = benchOptions()
  for (const dialect of options.dialects) {
    const r = await measureEmail(dialect, options)
    console.log(`${dialect}: baseline createTicketFromInbound alone ${r.ticketOnlyPerSec.toFixed(0)}/s;`)
    console.log(`${dialect}: parse-and-store ${r.parseAndStorePerSec.toFixed(0)} msgs/s (target ≥ ${EMAIL_TARGETS.parseAndStore}; CPU ${r.parseAndStoreCpuMs.toFixed(2)} ms/msg),` +
      ` SMTP → stored ticket ${r.smtpPerSec.toFixed(0)} msgs/s (target ≥ ${EMAIL_TARGETS.smtp}; CPU ${r.smtpCpuMs.toFixed(2)} ms/msg incl. client), ${r.messages} messages each, load ${os.loadavg()[0]!.toFixed(1)}`)
  }
}
