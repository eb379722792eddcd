import { parseArgs } from 'node:util'
import type { CliIo } from './cli-io.ts'
import { CLI_TEXT } from './cli-text.ts'
import type { Command } from './commands.ts'
import { COMMANDS, UsageError } from './commands.ts'

function overview(io: CliIo): string[] {
  const width = Math.max(...COMMANDS.map((c) => c.name.length))

  return [
    'Madoguchi (窓口) — customer-service platform',
    '',
    'Usage: madoguchi <command> [options]      (npx madoguchi …, or npm start for `start`)',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary[io.locale]}`),
    '',
    'Run `madoguchi <command> --help` for its options.',
  ]
}

function commandHelp(io: CliIo, command: Command): string[] {
  return [`${command.summary[io.locale]}`, '', `Usage: ${command.usage}`, ...(command.details ? ['', ...command.details] : [])]
}

/** Finds the command (one or two words, e.g. `token create`) and returns it with the remaining arguments. */
function match(args: string[]): { command: Command; rest: string[] } | undefined {
  for (const command of COMMANDS) {
    const words = command.name.split(' ')
    if (words.every((w, i) => args[i] === w)) return { command, rest: args.slice(words.length) }
  }

  return undefined
}

/** The `madoguchi` CLI: returns the exit code (long-running commands return when they stop). */
export async function runCli(args: string[], io: CliIo): Promise<number> {
  if (args.length === 0 || args[0] === '--help' || args[0] === '-h' || args[0] === 'help') {
    overview(io).forEach((l) => io.out(l))

    return args.length === 0 ? 1 : 0
  }
  const found = match(args)
  if (!found) {
    io.err(CLI_TEXT.unknownCommand[io.locale](args.join(' ')))
    overview(io).forEach((l) => io.err(l))

    return 2
  }
  const { command, rest } = found
  if (rest.includes('--help') || rest.includes('-h')) {
    commandHelp(io, command).forEach((l) => io.out(l))

    return 0
  }
  try {
    const { values } = parseArgs({ args: rest, options: command.options, strict: true, allowPositionals: false })

    return await command.run(io, values)
  } catch (error) {
    const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    if (usage) {
      io.err(CLI_TEXT.badArguments[io.locale]((error as Error).message))
      io.err(`Usage: ${command.usage}`)

      return 2
    }
    io.err(CLI_TEXT.failed[io.locale](error instanceof Error ? error.message : String(error)))

    return 1
  }
}
