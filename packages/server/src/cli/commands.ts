import type { ParseArgsConfig } from 'node:util'
import { createAdmin } from '../auth/create-admin.ts'
import { createApiTokenForEmail } from '../auth/create-api-token-for-email.ts'
import { ensureFirstAdmin } from '../auth/ensure-first-admin.ts'
import { seedDemo } from '../demo/seed-demo.ts'
import { startJobRunner } from '../jobs/run-jobs.ts'
import type { CliIo } from './cli-io.ts'
import { CLI_TEXT } from './cli-text.ts'
import { untilShutdown } from './graceful-shutdown.ts'
import { openDeps } from './open-deps.ts'
import { startServer } from './start-server.ts'
import { searchReindexCommand } from '../search/search-reindex.command.ts'

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>

export interface Command {
  name: string
  summary: { en: string; ja: string }
  usage: string
  /** Extra lines for `--help`. */
  details?: string[]
  options: NonNullable<ParseArgsConfig['options']>
  run(io: CliIo, values: Values): Promise<number>
}

const str = (v: Values[string]) => (typeof v === 'string' ? v : undefined)

/** Opens the database, runs `work`, always closes. */
async function withDeps(io: CliIo, work: (opened: Awaited<ReturnType<typeof openDeps>>) => Promise<number>): Promise<number> {
  const opened = await openDeps(io.env, { quiet: true })
  try {
    return await work(opened)
  } finally {
    await opened.close()
  }
}

export const COMMANDS: Command[] = [
  {
    name: 'start',
    summary: { en: 'Migrate, create the first admin, load the demo, serve HTTP on PORT and run jobs', ja: 'マイグレーション・初期管理者・デモデータの後、HTTP サーバーとジョブを起動' },
    usage: 'madoguchi start',
    details: [
      'Configuration comes from the environment (see README): PORT (3000), DATABASE_URL (SQLite ./data by default),',
      'MADOGUCHI_ADMIN_EMAIL / MADOGUCHI_ADMIN_PASSWORD for the first admin, MADOGUCHI_DEMO=0 to skip demo data.',
      'Stops gracefully on SIGINT/SIGTERM (a second signal exits at once).',
    ],
    options: {},
    async run(io) {
      const server = await startServer(io)

      return untilShutdown(io, server.stop)
    },
  },
  {
    name: 'worker',
    summary: { en: 'Run background jobs only (extra worker process next to `start`)', ja: 'バックグラウンドジョブだけを実行（start とは別プロセスの追加ワーカー）' },
    usage: 'madoguchi worker [--concurrency <n>]',
    details: ['Several workers (and `start` nodes) may share one database: each job is claimed by exactly one of them.'],
    options: { concurrency: { type: 'string' } },
    async run(io, values) {
      const concurrency = Number(str(values.concurrency) ?? 4)
      if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) throw new UsageError('--concurrency must be an integer from 1 to 64')
      const { deps, close } = await openDeps(io.env)
      const runner = startJobRunner(deps, { concurrency })
      io.out(CLI_TEXT.workerRunning[io.locale](runner.workerId))

      return untilShutdown(io, async () => {
        await runner.stop()
        await close()
      })
    },
  },
  {
    name: 'migrate',
    summary: { en: 'Bring the database schema up to date', ja: 'データベースのスキーマを最新にする' },
    usage: 'madoguchi migrate',
    options: {},
    run: (io) => withDeps(io, async ({ migrations }) => {
      io.out(CLI_TEXT.migrated[io.locale](migrations))

      return 0
    }),
  },
  {
    name: 'seed-demo',
    summary: { en: 'Load the demo data (ja/en customers and tickets) into an account without tickets', ja: 'チケットのないアカウントにデモデータ（日英の顧客・チケット）を読み込む' },
    usage: 'madoguchi seed-demo',
    details: ['On an empty database, the first admin is created first (its generated password is printed once).'],
    options: {},
    run: (io) => withDeps(io, async ({ deps, config }) => {
      const admin = await ensureFirstAdmin(deps, { email: config.admin.email, password: config.admin.password })
      if (admin.created && admin.generatedPassword) {
        io.out(`${CLI_TEXT.adminLogin[io.locale]}: ${admin.email}  ${CLI_TEXT.password[io.locale]}: ${admin.generatedPassword}`)
        io.out(CLI_TEXT.passwordOnce[io.locale])
      }
      const result = await seedDemo(deps, { accountId: admin.accountId })
      io.out(result.seeded ? CLI_TEXT.seeded[io.locale](result.tickets, result.customers, result.agents) : CLI_TEXT.seedSkipped[io.locale])

      return 0
    }),
  },
  {
    name: 'create-admin',
    summary: { en: 'Create an admin, or promote / re-enable one and set its password', ja: '管理者を作成（既存なら管理者に昇格・有効化しパスワードを再設定）' },
    usage: 'madoguchi create-admin --email <email> [--password <password>] [--name <name>] [--account <id>]',
    details: ['Without --password a random one is generated and printed once.', '--account is needed only when the database holds several accounts.'],
    options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' }, account: { type: 'string' } },
    async run(io, values) {
      const email = str(values.email)
      if (!email) throw new UsageError('--email is required')

      return withDeps(io, async ({ deps }) => {
        const result = await createAdmin(deps, { email, password: str(values.password), name: str(values.name), accountId: str(values.account) })
        io.out(CLI_TEXT.adminCreated[io.locale](result.email, result.existed))
        if (result.generatedPassword) {
          io.out(`${CLI_TEXT.password[io.locale]}: ${result.generatedPassword}`)
          io.out(CLI_TEXT.passwordOnce[io.locale])
        }

        return 0
      })
    },
  },
  {
    name: 'token create',
    summary: { en: 'Create a personal API token for an agent and print it once', ja: '担当者の API トークンを作成して一度だけ表示' },
    usage: 'madoguchi token create --email <agent email> --name <label> [--expires-at <ISO-8601>] [--account <id>]',
    details: ['Use it as `Authorization: Bearer <token>`; only a hash is stored.'],
    options: { email: { type: 'string' }, name: { type: 'string' }, 'expires-at': { type: 'string' }, account: { type: 'string' } },
    async run(io, values) {
      const email = str(values.email)
      const name = str(values.name)
      if (!email || !name) throw new UsageError('--email and --name are required')

      return withDeps(io, async ({ deps }) => {
        const created = await createApiTokenForEmail(deps, { email, name, expiresAt: str(values['expires-at']) ?? null, accountId: str(values.account) })
        io.out(CLI_TEXT.tokenCreated[io.locale])
        io.out(created.token)

        return 0
      })
    },
  },
  // Issue 6: defined beside the search feature.
  searchReindexCommand,
]

/** Wrong arguments: print the command's usage, exit 2. */
export class UsageError extends Error {}
