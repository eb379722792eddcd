import { SMTPServer } from 'smtp-server'
import type { SMTPServerDataStream, SMTPServerSession } from 'smtp-server'
import type { Deps } from '../../deps.ts'
import type { InboxRow } from './email.table.ts'
import { findInboxByAddress } from './inbox.repo.ts'
import { processRawEmail } from './process-raw-email.ts'
import { MAX_RAW_EMAIL_BYTES } from './raw-email.routes.ts'
import { storeRawEmail } from './store-raw-email.ts'
import type { StoreResult } from './store-raw-email.ts'
import { baseAddress } from './thread-email.ts'

export interface SmtpServerOptions {
  /** Defaults to config.smtpPort (MADOGUCHI_SMTP_PORT); 0 picks a free port (tests). */
  port?: number
  host?: string
  /** PEM key and certificate: STARTTLS is offered only when both are given. */
  tls?: { key: string | Buffer; cert: string | Buffer }
  maxBytes?: number
  /** Messages processed at the same time after they were acknowledged (default: PROCESS_CONCURRENCY). */
  processConcurrency?: number
  /** Default PROCESS_GATHER_MS. */
  gatherMs?: number
  /** Test hook, awaited after the raw message is committed and before 250 is sent. */
  beforeAcknowledge?: (stored: StoreResult[]) => Promise<void>
}

export interface RunningSmtpServer {
  port: number
  close(): Promise<void>
}

/**
 * How many acknowledged messages are processed at once. Both databases write the
 * tickets of concurrent messages together (SQLite: one group commit, db/transact.ts;
 * PostgreSQL: one batch of statements, tickets/create-new-ticket.ts): more in flight
 * means larger groups and less CPU per message (SQLite ≈ 3.5 against 4.2 ms at 32
 * against 8; PostgreSQL 411 → 658 msgs/s parse-and-store at 8 → 64,
 * bench/email-throughput.ts). 64: two batches of the parse workers (parse-pool.ts),
 * one parsed while the other is stored.
 */
export const PROCESS_CONCURRENCY = 64

/**
 * How long an acknowledged message waits for others before processing starts. Mail
 * arrives one message per connection at a time, so without a wait each is parsed,
 * counted against its sender's limit and turned into a ticket on its own; started
 * together, they share the parse worker's task, the throttle upsert and the ticket
 * batch's statements. 50 ms is nothing to a mail's delivery time. PostgreSQL, 8
 * pooled connections (bench/email-throughput.ts): 3.7 → 2.1 statements per message
 * at 0 → 50 ms (2.5 at 30, 2.0 at 100), 204 → 239–245 msgs/s on a slow machine.
 */
export const PROCESS_GATHER_MS = 50

const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code })

/**
 * The built-in MX: a company points its MX record or a forwarder here. Recipients
 * are checked at RCPT against the inboxes' addresses (unknown ones get 550, so the
 * sending server bounces instead of us accepting mail we would drop). 250 is sent
 * only after the raw message is committed; any storage failure answers 451 so the
 * sender retries later. Processing (tickets, bounces) runs after the answer and is
 * retried by `email.process_pending` if this process dies first.
 */
export async function startSmtpServer(deps: Deps, options: SmtpServerOptions = {}): Promise<RunningSmtpServer> {
  const inboxesBySession = new Map<string, Map<string, InboxRow>>()
  const inFlight = new Set<Promise<unknown>>()
  // Processing after 250 is bounded: a flood queues here instead of opening hundreds of transactions.
  const limit = createLimiter(options.processConcurrency ?? PROCESS_CONCURRENCY)
  const maxBytes = options.maxBytes ?? MAX_RAW_EMAIL_BYTES
  const gatherMs = options.gatherMs ?? PROCESS_GATHER_MS
  const gathered: Array<{ process: () => Promise<unknown>; rawEmailId: string }> = []
  const startGathered = () => {
    for (const { process, rawEmailId } of gathered.splice(0)) {
      const job = limit(process).catch((error: unknown) => deps.logger.error({ err: error, rawEmailId }, 'smtp: processing failed; left for email.process_pending'))
      inFlight.add(job)
      void job.finally(() => inFlight.delete(job))
    }
  }
  /** Acknowledged messages start processing together, gatherMs after the first of them (see PROCESS_GATHER_MS). */
  const gather = (process: () => Promise<unknown>, rawEmailId: string) => {
    gathered.push({ process, rawEmailId })
    if (gathered.length === 1) setTimeout(startGathered, gatherMs)
  }

  const server = new SMTPServer({
    name: new URL(deps.config.publicUrl).hostname,
    banner: 'Madoguchi ESMTP',
    size: maxBytes,
    authOptional: true,
    disabledCommands: options.tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
    ...(options.tls ? { key: options.tls.key, cert: options.tls.cert } : {}),
    logger: false,
    // Strict RFC 5321 syntax refuses MAIL FROM:<taro..yamada.@docomo.ne.jp>, the legacy
    // Japanese mobile addresses still in use; we validate addresses ourselves.
    lenientAddressParsing: true,
    // Mail servers send many messages per connection; keep idle ones from piling up.
    socketTimeout: 60_000,
    onRcptTo(address, session, callback) {
      const wanted = baseAddress(address.address)
      findInboxByAddress(deps.db, wanted).then(
        (inbox) => {
          if (!inbox) return callback(smtpError(550, `5.1.1 <${address.address}>: no such mailbox here`))
          const map = inboxesBySession.get(session.id) ?? new Map<string, InboxRow>()
          map.set(inbox.id, inbox)
          inboxesBySession.set(session.id, map)
          callback()
        },
        (error: unknown) => {
          deps.logger.error({ err: error }, 'smtp: recipient lookup failed')
          callback(smtpError(451, '4.3.0 temporary failure, try again later'))
        },
      )
    },
    onData(stream, session, callback) {
      readAll(stream, maxBytes).then(async (raw) => {
        if (stream.sizeExceeded) return callback(smtpError(552, `5.3.4 message exceeds ${maxBytes} bytes`))
        const inboxes = [...(inboxesBySession.get(session.id)?.values() ?? [])]
        inboxesBySession.delete(session.id)
        const withPath = addReturnPath(raw, session)
        let stored: StoreResult[]
        try {
          stored = []
          for (const inbox of inboxes) {
            stored.push(await storeRawEmail(deps, inbox, withPath, {
              source: 'smtp',
              envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
              envelopeTo: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            }))
          }
        } catch (error) {
          deps.logger.error({ err: error }, 'smtp: storing the message failed')

          return callback(smtpError(451, '4.3.0 temporary failure, try again later'))
        }
        if (options.beforeAcknowledge) await options.beforeAcknowledge(stored)
        callback(null, 'queued')
        for (const [i, result] of stored.entries()) {
          const row = result.stored ? result.row : result.existing
          if (row.outcome === 'received') gather(() => processRawEmail(deps, inboxes[i]!, row, result.stored ? withPath : undefined), row.id)
        }
      }, (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))))
    },
    onClose(session) {
      inboxesBySession.delete(session.id)
    },
  })
  server.on('error', (error) => deps.logger.warn({ err: error }, 'smtp: connection error'))

  const port = await new Promise<number>((resolve, reject) => {
    server.server.once('error', reject)
    server.listen(options.port ?? deps.config.smtpPort, options.host ?? deps.config.host, () => {
      const address = server.server.address()
      resolve(typeof address === 'object' && address ? address.port : 0)
    })
  })
  deps.logger.info({ port, starttls: Boolean(options.tls) }, 'smtp server listening')

  return {
    port,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      startGathered()
      await Promise.allSettled([...inFlight])
    },
  }
}

function createLimiter(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0
  const waiting: Array<() => void> = []

  return async (task) => {
    if (active >= max) await new Promise<void>((resolve) => waiting.push(resolve))
    active++
    try {
      return await task()
    } finally {
      active--
      waiting.shift()?.()
    }
  }
}

/** Reads the DATA stream; past the size limit it only drains, so a huge message cannot fill memory. */
async function readAll(stream: SMTPServerDataStream, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of stream) {
    size += (chunk as Buffer).length
    if (size <= maxBytes) chunks.push(chunk as Buffer)
  }

  return Buffer.concat(chunks)
}

/** As a delivering MTA does: the envelope sender becomes Return-Path (`<>` for bounces). */
function addReturnPath(raw: Buffer, session: SMTPServerSession): Buffer {
  const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : ''

  return Buffer.concat([Buffer.from(`Return-Path: <${from}>\r\n`), raw])
}

/** STARTTLS material from MADOGUCHI_SMTP_TLS_KEY / MADOGUCHI_SMTP_TLS_CERT (PEM file paths). */
export async function smtpTlsFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<SmtpServerOptions['tls']> {
  if (!env.MADOGUCHI_SMTP_TLS_KEY || !env.MADOGUCHI_SMTP_TLS_CERT) return undefined
  const fs = await import('node:fs/promises')

  return { key: await fs.readFile(env.MADOGUCHI_SMTP_TLS_KEY), cert: await fs.readFile(env.MADOGUCHI_SMTP_TLS_CERT) }
}
