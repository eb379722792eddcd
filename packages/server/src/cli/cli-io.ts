import type { CliLocale } from './cli-text.ts'

/** Where a command writes, so tests can read what an operator would see. */
export interface CliIo {
  out(line: string): void
  err(line: string): void
  locale: CliLocale
  env: NodeJS.ProcessEnv
}

export const processIo = (env: NodeJS.ProcessEnv, locale: CliLocale): CliIo => ({
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  locale,
  env,
})
