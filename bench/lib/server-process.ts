/**
 * Child process that serves HTTP for a benchmark, so the load generator
 * (autocannon, in the parent) and the server do not share one event loop.
 * argv[2] is a JSON ServerSpec; the port is reported with process.send.
 */
import Fastify from 'fastify'
import type { DatabaseConfig } from '../../packages/server/src/config.ts'
import { loadConfig } from '../../packages/server/src/config.ts'
import { buildApp } from '../../packages/server/src/app.ts'
import { buildDeps } from '../../packages/server/src/deps.ts'
import { startBackgroundCheckpoints } from '../../packages/server/src/db/background-checkpoints.ts'

export type ServerSpec = { kind: 'hello' } | { kind: 'app'; database: DatabaseConfig }

async function start(spec: ServerSpec): Promise<number> {
  if (spec.kind === 'hello') {
    // Baseline A: the cheapest possible Fastify route, JSON in and out.
    const app = Fastify({ logger: false })
    app.get('/', async () => ({ hello: 'world' }))
    await app.listen({ port: 0, host: '127.0.0.1' })
    process.once('SIGTERM', () => void app.close().finally(() => process.exit(0)))

    return (app.server.address() as { port: number }).port
  }
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', MADOGUCHI_DEMO: '0' }), database: spec.database }
  const deps = buildDeps(config)
  const app = await buildApp(deps)
  // As `madoguchi start` does (cli/start-server.ts).
  const checkpoints = await startBackgroundCheckpoints(deps.db, config.database, deps.logger)
  await app.listen({ port: 0, host: '127.0.0.1' })
  process.once('SIGTERM', () => {
    // Exit normally (not killed) so that `--cpu-prof` can write its profile.
    void app.close().then(() => checkpoints.stop()).then(() => deps.db.destroy()).finally(() => process.exit(0))
  })

  return (app.server.address() as { port: number }).port
}

// The parent asks for this process's CPU time around a load run: CPU per request is
// what the machine can do at most, and it is much less sensitive than req/s to other
// processes competing for the cores.
process.on('message', (message) => {
  if (message === 'cpu') process.send?.({ cpu: process.cpuUsage() })
})

const spec = JSON.parse(process.argv[2] ?? '{"kind":"hello"}') as ServerSpec
start(spec).then(
  (port) => process.send?.({ port }),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
