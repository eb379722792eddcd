import type { FastifyInstance } from 'fastify'
import type { Deps } from '../deps.ts'
import { pingDb } from '../db/ping.ts'

export async function healthRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  // Liveness: the process answers. Never touches the database, so a slow database
  // does not get healthy nodes restarted.
  app.get('/healthz', { config: { access: 'public' } }, async () => ({ status: 'ok' }))

  // Readiness: this node can serve traffic (the database answers).
  app.get('/readyz', { config: { access: 'public' } }, async (_request, reply) => {
    const ok = await pingDb(deps.db)

    return reply.status(ok ? 200 : 503).send({ status: ok ? 'ready' : 'unavailable', database: ok ? 'ok' : 'unreachable' })
  })
}
