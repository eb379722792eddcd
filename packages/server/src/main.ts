import { processIo } from './cli/cli-io.ts'
import { cliLocale } from './cli/cli-text.ts'
import { runCli } from './cli/run-cli.ts'

/**
 * `madoguchi <command>` (bin/madoguchi.mjs loads this file through tsx). `app.ts`
 * builds the app; this file only runs commands, and exits with their code once
 * they finish (for `start` and `worker`: after a graceful shutdown).
 */
const io = processIo(process.env, cliLocale(process.env))
process.exitCode = await runCli(process.argv.slice(2), io)
// Let stdout drain and exit naturally; if a stray handle keeps the loop alive, leave anyway.
setTimeout(() => process.exit(), 2_000).unref()
