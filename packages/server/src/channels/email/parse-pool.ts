import { Piscina } from 'piscina'
import type { Logger } from 'pino'
import type { EmailParser } from './email-parser.ts'
import { parseEmail, unparsedEmail } from './parse-email.ts'
import type { ParseOptions } from './parse-email.ts'
import type { ParsedEmail } from './parsed-email.ts'
import type { ParseReply, ParseTask } from './parse-worker-task.ts'

export interface ParsePoolOptions {
  threads: number
  logger: Logger
  /**
   * A parse still running after this long is given up (its worker is replaced) and
   * the message stored as unparsed. Normal mail takes ≈ 1 ms; a 25 MB one well under 1 s.
   */
  timeoutMs?: number
  /** Messages waiting for a free worker; more than this are parsed on the calling thread. */
  maxQueue?: number
  /** Worker entry (tests use one that can hang or crash on demand). */
  entry?: URL
}

const WORKER_ENTRY = new URL('./parse-worker.mjs', import.meta.url)
const WARM_UP = Buffer.from('From: warm-up@madoguchi.invalid\r\nSubject: =?UTF-8?B?5pel5pys6Kqe?=\r\n\r\nwarm-up\r\n')

/**
 * Parses inbound mail in worker threads (piscina). A worker that hangs past the
 * timeout or dies on a hostile message costs that message its structure, never the
 * message: it is read as when mailparser gives up (`parse.failed:timeout`, `…:worker_crashed`)
 * and stored with that warning — on the main thread the same message would have
 * stalled or crashed the server. Workers start on the first message; if they cannot
 * start at all, everything is parsed on the calling thread.
 */
export function createParsePool(options: ParsePoolOptions): EmailParser {
  const { threads, logger } = options
  const timeoutMs = options.timeoutMs ?? 15_000
  const maxQueue = options.maxQueue ?? 128
  let pool: Piscina<ParseTask, unknown> | null = null
  let usable: Promise<boolean> | null = null
  let closed = false
  // At most `threads` tasks are handed to piscina, so a task's timeout starts when a
  // worker takes it, not while it waits behind a slow one.
  let running = 0
  const waiting: Array<() => void> = []

  const start = (): Promise<boolean> => {
    const started = new Piscina<ParseTask, unknown>({
      filename: (options.entry ?? WORKER_ENTRY).href,
      minThreads: threads,
      maxThreads: threads,
      // A message that makes mailparser grow without bound kills its worker, not the server.
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
    })
    // Errors of a worker with no task (none expected); without a listener they would throw.
    started.on('error', (error: unknown) => logger.warn({ err: error }, 'email parse worker failed'))
    pool = started

    return started.run({ raw: WARM_UP, options: {} }).then(
      () => true,
      (error: unknown) => {
        logger.error({ err: error }, 'email parse workers do not start; parsing on the main thread')

        return false
      },
    )
  }

  const inWorker = async (raw: Buffer, parseOptions: ParseOptions): Promise<ParsedEmail> => {
    usable ??= start()
    if (!(await usable) || closed || !pool) return parseEmail(raw, parseOptions)
    let reply: ParseReply
    try {
      reply = await pool.run({ raw, options: parseOptions }, { signal: AbortSignal.timeout(timeoutMs) }) as ParseReply
    } catch (error) {
      const reason = failureReason(error)
      logger.warn({ err: error, reason, bytes: raw.length }, 'email parse worker gave up on a message; stored unparsed')

      return unparsedEmail(raw, reason)
    }
    if ('error' in reply) throw new Error(`parseEmail in worker: ${reply.error}`)

    return withBuffers(reply.email)
  }

  return {
    async parse(raw, parseOptions) {
      if (closed) return parseEmail(raw, parseOptions)
      if (running >= threads) {
        // A flood beyond the queue is parsed here: slower for everyone, but bounded memory and nothing refused.
        if (waiting.length >= maxQueue) return parseEmail(raw, parseOptions)
        await new Promise<void>((resolve) => waiting.push(resolve))
      }
      running++
      try {
        return await inWorker(raw, parseOptions)
      } finally {
        running--
        waiting.shift()?.()
      }
    },
    async close() {
      closed = true
      for (const wake of waiting.splice(0)) wake()
      if (pool) await pool.close()
    },
  }
}

function failureReason(error: unknown): string {
  if (error instanceof Error && error.name === 'AbortError') return 'timeout'
  if ((error as { code?: unknown } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY') return 'worker_out_of_memory'

  return 'worker_crashed'
}

/** Structured clone hands Buffers over as plain Uint8Arrays; the rest of the code expects Buffers. */
function withBuffers(email: ParsedEmail): ParsedEmail {
  for (const attachment of email.attachments) {
    const c = attachment.content as Uint8Array | null
    if (c && !Buffer.isBuffer(c)) attachment.content = Buffer.from(c.buffer, c.byteOffset, c.byteLength)
  }

  return email
}
