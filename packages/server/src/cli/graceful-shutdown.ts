import type { CliIo } from './cli-io.ts'
import { CLI_TEXT } from './cli-text.ts'

/**
 * Resolves once the process was asked to stop (SIGINT/SIGTERM) and `close` finished,
 * in the manner of close-with-grace: the first signal closes gracefully (stop taking
 * requests, let jobs finish, close the database); a second signal, or `timeoutMs`
 * without finishing, exits at once with code 1. A crash (uncaught exception or
 * unhandled rejection) also closes gracefully, then exits with 1.
 */
export function untilShutdown(io: CliIo, close: () => Promise<void>, timeoutMs = 10_000): Promise<number> {
  return new Promise((resolve) => {
    let closing = false
    const shutdown = (reason: string, code: number) => {
      if (closing) {
        io.err(CLI_TEXT.forcedExit[io.locale])
        process.exit(1)
      }
      closing = true
      io.err(CLI_TEXT.shuttingDown[io.locale](reason))
      const timer = setTimeout(() => {
        io.err(CLI_TEXT.forcedExit[io.locale])
        process.exit(1)
      }, timeoutMs)
      timer.unref()
      close()
        .catch((error: unknown) => {
          io.err(CLI_TEXT.failed[io.locale](String(error)))
          code = 1
        })
        .finally(() => {
          clearTimeout(timer)
          resolve(code)
        })
    }
    process.on('SIGINT', () => shutdown('SIGINT', 0))
    process.on('SIGTERM', () => shutdown('SIGTERM', 0))
    process.on('uncaughtException', (error) => {
      io.err(CLI_TEXT.failed[io.locale](error.stack ?? String(error)))
      shutdown('uncaughtException', 1)
    })
    process.on('unhandledRejection', (error) => {
      io.err(CLI_TEXT.failed[io.locale](error instanceof Error ? (error.stack ?? error.message) : String(error)))
      shutdown('unhandledRejection', 1)
    })
  })
}
