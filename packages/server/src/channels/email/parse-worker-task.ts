import { move, transferableSymbol, valueSymbol } from 'piscina'
import { parseEmail } from './parse-email.ts'
import type { ParseOptions } from './parse-email.ts'
import type { ParsedEmail } from './parsed-email.ts'

/** Several messages per task: see parse-pool.ts for why. */
export type ParseTask = Array<{ raw: Uint8Array; options: ParseOptions }>

/**
 * An error thrown by parseEmail comes back as a value, so the pool can tell it
 * (rethrown, as an in-process parse would throw it) from a worker that died.
 */
export type ParseReply = { email: ParsedEmail } | { error: string }

/** Runs in a parse worker (parse-worker.mjs): raw messages → ParsedEmails, in order. */
export default async function parseInWorker(task: ParseTask): Promise<unknown> {
  const replies: ParseReply[] = []
  for (const { raw, options } of task) {
    try {
      replies.push({ email: await parseEmail(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength), options) })
    } catch (error) {
      replies.push({ error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) })
    }
  }

  return move({ [transferableSymbol]: transferable(replies), [valueSymbol]: replies })
}

/**
 * Attachment contents that own their whole memory are moved to the main thread,
 * not copied. A small Buffer is a slice of Node's shared 8 KB pool: moving that
 * would take the pool away from the rest of this worker, so those are copied.
 */
function transferable(replies: ParseReply[]): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>()
  for (const reply of replies) {
    for (const { content } of 'email' in reply ? reply.email.attachments : []) {
      if (content && content.byteOffset === 0 && content.byteLength === content.buffer.byteLength && content.buffer instanceof ArrayBuffer) out.add(content.buffer)
    }
  }

  return [...out]
}
