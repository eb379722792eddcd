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
  /** Messages waiting for a free worker (default 256); more than this are parsed on the calling thread. */
  maxQueue?: number
  /** Worker entry (tests use one that can hang or crash on demand). */
  entry?: URL
}

const WORKER_ENTRY = new URL('./parse-worker.mjs', import.meta.url)
const WARM_UP = Buffer.from('From: warm-up@madoguchi.invalid\r\nSubject: =?UTF-8?B?5pel5pys6Kqe?=\r\n\r\nwarm-up\r\n')
/** Most messages, and raw bytes, one worker task carries. */
const MAX_BATCH = 32
const MAX_BATCH_BYTES = 4 * 1024 * 1024

interface Request {
  raw: Buffer
  options: ParseOptions
  resolve: (email: ParsedEmail) => void
  reject: (error: unknown) => void
}

/**
 * Parses inbound mail in worker threads (piscina). A worker that hangs past the
 * timeout or dies on a hostile message costs that message its structure, never the
 * message: it is read as when mailparser gives up (`parse.failed:timeout`, `…:worker_crashed`)
 * and stored with that warning — on the main thread the same message would have
 * stalled or crashed the server. Workers start on the first message; if they cannot
 * start at all, everything is parsed on the calling thread.
 *
 * A free worker takes every message waiting (up to MAX_BATCH) as one task, and their
 * results come back together. One message per task measured worse than parsing on
 * the main thread (SQLite, 3,000 mails: 2.8–3.0 → 3.2–3.5 ms of main-thread CPU per
 * message): results trickling back one at a time broke up the group commits of
 * db/transact.ts (0.05 → 0.5–0.85 transactions per message). A batch commits as one
 * group, and the hand-over between threads is paid once for many messages. With
 * twice MAX_BATCH messages in flight (PROCESS_CONCURRENCY in smtp-server.ts) the
 * worker parses one batch while the main thread stores the other: 1.8–1.9 against
 * 2.6–2.75 ms of main-thread CPU per message, 430–480 against 340–370 msgs/s.
 */
export function createParsePool(options: ParsePoolOptions): EmailParser {
  const { threads, logger } = options
  const timeoutMs = options.timeoutMs ?? 15_000
  const maxQueue = options.maxQueue ?? 256
  let pool: Piscina<ParseTask, ParseReply[]> | null = null
  let usable: Promise<boolean> | null = null
  let closed = false
  const queue: Request[] = []
  let busy = 0
  let scheduled = false

  const start = (): Promise<boolean> => {
    const started = new Piscina<ParseTask, ParseReply[]>({
      filename: (options.entry ?? WORKER_ENTRY).href,
      minThreads: threads,
      maxThreads: threads,
      // A message that makes mailparser grow without bound kills its worker, not the server.
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
    })
    // Errors of a worker with no task (none expected); without a listener they would throw.
    started.on('error', (error: unknown) => logger.warn({ err: error }, 'email parse worker failed'))
    pool = started

    return started.run([{ raw: WARM_UP, options: {} }]).then(
      () => true,
      (error: unknown) => {
        logger.error({ err: error }, 'email parse workers do not start; parsing on the main thread')

        return false
      },
    )
  }

  const here = async (request: Request): Promise<void> => {
    await parseEmail(request.raw, request.options).then(request.resolve, request.reject)
  }

  const runBatch = async (batch: Request[]): Promise<void> => {
    usable ??= start()
    if (!(await usable) || closed || !pool) {
      for (const request of batch) await here(request)

      return
    }
    let replies: ParseReply[]
    try {
      // The timeout starts when a worker takes the task: tasks wait in `queue`, not in piscina.
      replies = await pool.run(batch.map(({ raw, options: o }) => ({ raw, options: o })), { signal: AbortSignal.timeout(timeoutMs) })
    } catch (error) {
      // The worker is being replaced: the next task waits until a worker answers, so that
      // the replacement's start-up (≈ 0.5 s, more on a busy machine) is not counted in its timeout.
      usable = pool.run([{ raw: WARM_UP, options: {} }]).then(() => true, () => true)
      // Which message did it? Each again on its own: the innocent ones parse, the hostile one fails alone.
      if (batch.length > 1) {
        for (const request of batch) await runBatch([request])

        return
      }
      const reason = failureReason(error)
      logger.warn({ err: error, reason, bytes: batch[0]!.raw.length }, 'email parse worker gave up on a message; stored unparsed')
      batch[0]!.resolve(unparsedEmail(batch[0]!.raw, reason))

      return
    }
    replies.forEach((reply, i) => {
      if ('error' in reply) batch[i]!.reject(new Error(`parseEmail in worker: ${reply.error}`))
      else batch[i]!.resolve(withBuffers(reply.email))
    })
  }

  const take = (): Request[] => {
    const batch: Request[] = []
    let bytes = 0
    while (queue.length > 0 && batch.length < MAX_BATCH && (batch.length === 0 || bytes + queue[0]!.raw.length <= MAX_BATCH_BYTES)) {
      const next = queue.shift()!
      bytes += next.raw.length
      batch.push(next)
    }

    return batch
  }

  const pump = () => {
    scheduled = false
    while (busy < threads && queue.length > 0) {
      busy++
      void runBatch(take()).finally(() => {
        busy--
        pump()
      })
    }
  }

  return {
    parse(raw, parseOptions) {
      // A flood beyond the queue is parsed here: slower, but bounded memory and nothing refused.
      if (closed || queue.length >= maxQueue) return parseEmail(raw, parseOptions)

      return new Promise<ParsedEmail>((resolve, reject) => {
        queue.push({ raw, options: parseOptions, resolve, reject })
        // Requests of this turn of the event loop go out together.
        if (!scheduled) {
          scheduled = true
          setImmediate(pump)
        }
      })
    },
    async close() {
      closed = true
      for (const request of queue.splice(0)) await here(request)
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
