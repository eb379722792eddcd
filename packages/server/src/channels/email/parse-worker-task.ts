import { move, transferableSymbol, valueSymbol } from 'piscina'
import { parseEmail } from './parse-email.ts'
import type { ParseOptions } from './parse-email.ts'
import type { ParsedEmail } from './parsed-email.ts'

export interface ParseTask {
  raw: Uint8Array
  options: ParseOptions
}

/**
 * An error thrown by parseEmail comes back as a value, so the pool can tell it
 * (rethrown, as an in-process parse would throw it) from a worker that died.
 */
export type ParseReply = { email: ParsedEmail } | { error: string }

/** Runs in a parse worker (parse-worker.mjs): one raw message → ParsedEmail. */
export default async function parseInWorker(task: ParseTask): Promise<unknown> {
  const raw = Buffer.from(task.raw.buffer, task.raw.byteOffset, task.raw.byteLength)
  try {
    const email = await parseEmail(raw, task.options)

    return move({ [transferableSymbol]: transferable(email), [valueSymbol]: { email } satisfies ParseReply })
  } catch (error) {
    return { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) } satisfies ParseReply
  }
}

/**
 * Attachment contents that own their whole memory are moved to the main thread,
 * not copied. A small Buffer is a slice of Node's shared 8 KB pool: moving that
 * would take the pool away from the rest of this worker, so those are copied.
 */
function transferable(email: ParsedEmail): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>()
  for (const { content } of email.attachments) {
    if (content && content.byteOffset === 0 && content.byteLength === content.buffer.byteLength && content.buffer instanceof ArrayBuffer) out.add(content.buffer)
  }

  return [...out]
}
