import type { Logger } from 'pino'
import { parseEmail } from './parse-email.ts'
import type { ParseOptions } from './parse-email.ts'
import type { ParsedEmail } from './parsed-email.ts'
import { createParsePool } from './parse-pool.ts'

/**
 * Where inbound mail is parsed: on the calling thread, or in worker threads
 * (parse-pool.ts) so that mailparser's CPU (≈ 0.6 ms a message) leaves the thread
 * that runs HTTP, SMTP and the database. Both give the same ParsedEmail.
 */
export interface EmailParser {
  parse(raw: Buffer, options: ParseOptions): Promise<ParsedEmail>
  /** Stops the workers; later parses run on the calling thread. */
  close(): Promise<void>
}

export const inProcessParser: EmailParser = {
  parse: (raw, options) => parseEmail(raw, options),
  close: async () => {},
}

/** MADOGUCHI_PARSE_THREADS (config.parseThreads) workers, or this thread when it is 0. */
export function createEmailParser(threads: number, logger: Logger): EmailParser {
  return threads > 0 ? createParsePool({ threads, logger }) : inProcessParser
}
