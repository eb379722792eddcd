import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../app.ts'
import { startImapPollers } from '../channels/email/imap-poller.ts'
import type { RunningSmtpServer } from '../channels/email/smtp-server.ts'
import { smtpTlsFromEnv, startSmtpServer } from '../channels/email/smtp-server.ts'
import { ensureFirstAdmin } from '../auth/ensure-first-admin.ts'
import { startBackgroundCheckpoints } from '../db/background-checkpoints.ts'
import type { EnsureFirstAdminResult } from '../auth/ensure-first-admin.ts'
import { seedDemo } from '../demo/seed-demo.ts'
import type { Deps } from '../deps.ts'
import type { JobRunner } from '../jobs/run-jobs.ts'
import { startJobRunner } from '../jobs/run-jobs.ts'
import { createMetrics } from '../metrics/metrics.ts'
import { accountIsEmpty } from './account-is-empty.ts'
import type { CliIo } from './cli-io.ts'
import { CLI_TEXT } from './cli-text.ts'
import { openDeps } from './open-deps.ts'

export interface RunningServer {
  url: string
  app: FastifyInstance
  deps: Deps
  runner: JobRunner
  admin: EnsureFirstAdminResult
  /** Stops taking requests, lets running jobs finish, closes the database. */
  stop(): Promise<void>
}

/**
 * `madoguchi start`: migrate, make sure an admin exists, load the demo into an
 * unused account, listen on PORT and run the job runner in the same process.
 */
export async function startServer(io: CliIo): Promise<RunningServer> {
  const { deps, config, migrations, close } = await openDeps(io.env)
  if (migrations.length) io.out(CLI_TEXT.migrated[io.locale](migrations))
  const admin = await ensureFirstAdmin(deps, { email: config.admin.email, password: config.admin.password })
  let demo: { tickets: number; customers: number } | null = null
  if (config.loadDemo && (await accountIsEmpty(deps.db, admin.accountId))) {
    const seeded = await seedDemo(deps, { accountId: admin.accountId })
    if (seeded.seeded) demo = seeded
  }

  const metrics = createMetrics()
  const app = await buildApp(deps, { metrics, trustProxy: config.trustProxy })
  // Before listening: if the port is taken, nothing else has started yet.
  await app.listen({ port: config.port, host: config.host }).catch(async (error: unknown) => {
    await app.close()
    await close()
    throw error
  })
  const checkpoints = await startBackgroundCheckpoints(deps.db, config.database, deps.logger)
  const runner = startJobRunner(deps, { observer: metrics.jobObserver })
  const smtp = await startMailReceiver(io, deps)
  const imap = startImapPollers(deps)
  const port = (app.server.address() as AddressInfo).port
  const url = io.env.MADOGUCHI_PUBLIC_URL ? config.publicUrl : `http://localhost:${port}`

  printBanner(io, url, admin, config.admin.password !== undefined, demo)

  return {
    url,
    app,
    deps,
    runner,
    admin,
    async stop() {
      await app.close()
      await smtp?.close()
      await imap.close()
      await runner.stop()
      await checkpoints.stop()
      await close()
    },
  }
}

/**
 * The SMTP listener is a convenience of a single-node install; a taken port must
 * not keep the agent app from starting, so it is reported and skipped.
 */
async function startMailReceiver(io: CliIo, deps: Deps): Promise<RunningSmtpServer | null> {
  try {
    const smtp = await startSmtpServer(deps, { tls: await smtpTlsFromEnv(io.env) })
    io.out(`  SMTP: ${deps.config.host}:${smtp.port}`)

    return smtp
  } catch (error) {
    io.err(`  SMTP ${deps.config.smtpPort}: ${error instanceof Error ? error.message : String(error)}`)

    return null
  }
}

function printBanner(io: CliIo, url: string, admin: EnsureFirstAdminResult, passwordFromEnv: boolean, demo: { tickets: number; customers: number } | null) {
  const t = io.locale
  io.out('')
  io.out(`  ${CLI_TEXT.running[t]}`)
  io.out(`  ${CLI_TEXT.openUrl[t]}: ${url}`)
  io.out(`  ${CLI_TEXT.apiDocs[t]}: ${url}/api/docs`)
  if (admin.created) {
    io.out(`  ${CLI_TEXT.adminLogin[t]}: ${admin.email}`)
    if (admin.generatedPassword) {
      io.out(`  ${CLI_TEXT.password[t]}: ${admin.generatedPassword}`)
      io.out(`  ${CLI_TEXT.passwordOnce[t]}`)
    } else if (passwordFromEnv) {
      io.out(`  ${CLI_TEXT.password[t]}: ${CLI_TEXT.passwordFromEnv[t]}`)
    }
  } else {
    io.out(`  ${CLI_TEXT.existingAdmin[t]}`)
  }
  if (demo) io.out(`  ${CLI_TEXT.demoLoaded[t](demo.tickets, demo.customers)}`)
  io.out(`  ${CLI_TEXT.jobsInProcess[t]} ${CLI_TEXT.stopHint[t]}`)
  io.out('')
}
