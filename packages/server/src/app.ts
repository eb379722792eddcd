import Fastify, { LogController } from 'fastify'
import type { FastifyBaseLogger, FastifyInstance } from 'fastify'
import cookie from '@fastify/cookie'
import websocket from '@fastify/websocket'
import type { Deps } from './deps.ts'
import { healthRoutes } from './health/health.routes.ts'
import { installAccessControl } from './http/access.ts'
import { installErrorHandler } from './http/error-handler.ts'
import { installIdempotency } from './http/idempotency.ts'
import { installJsonBodyParser } from './http/json-body.ts'
import { installNulCharacterGuard } from './http/reject-nul-characters.ts'
import { installRouteCatalog } from './http/openapi-registry.ts'
import { openapiRoutes } from './http/openapi.routes.ts'
import { apiRoutes } from './http/routes.ts'
import { webAppRoutes } from './web/web-app.routes.ts'
import { helpCenterRoutes } from './help-center/help-center.routes.ts'
import type { AppMetrics } from './metrics/metrics.ts'
import { createMetrics } from './metrics/metrics.ts'
import { installHttpMetrics, metricsRoutes } from './metrics/metrics.routes.ts'

export const BODY_LIMIT_BYTES = 1024 * 1024

export interface AppOptions {
  /** Log requests (off in tests to keep output readable). */
  logRequests?: boolean
  trustProxy?: boolean
  /** Built agent app to serve at `/` (default: packages/web/dist). */
  webDistDir?: string
  /** Share one set of metrics with the job runner of the same process (main.ts); default: a fresh set without process metrics. */
  metrics?: AppMetrics
}

/** Builds the whole HTTP app from its dependencies; `main.ts` listens, tests inject. */
export async function buildApp(deps: Deps, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: !options.logRequests }),
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: options.trustProxy ?? false,
    // Timeouts from fastify/demo's server.ts: slow clients cannot hold sockets forever.
    connectionTimeout: 60_000,
    requestTimeout: 60_000,
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  })
  installErrorHandler(app)
  installJsonBodyParser(app)
  installNulCharacterGuard(app)
  await app.register(cookie)
  // Client frames are tiny (presence, ping); refuse anything large.
  await app.register(websocket, { options: { maxPayload: 16 * 1024 } })
  installRouteCatalog(app)
  const metrics = options.metrics ?? createMetrics({ processMetrics: false })
  metrics.watchJobQueue(deps.db)
  installHttpMetrics(app, metrics)
  installAccessControl(app, deps)
  // After access control: its preHandler must know the caller first.
  installIdempotency(app, deps)

  await app.register(async (scope) => healthRoutes(scope, deps))
  await app.register(async (scope) => apiRoutes(scope, deps), { prefix: '/api/v1' })
  await app.register(async (scope) => openapiRoutes(scope, deps))
  // The public help center (HTML, its own form parser), before the agent app's fallback.
  await app.register(async (scope) => helpCenterRoutes(scope, deps), { prefix: '/help' })
  // Last: its `/*` fallback serves the agent app for every other GET path.
  await app.register(async (scope) => webAppRoutes(scope, { distDir: options.webDistDir }))
  await app.register(async (scope) => metricsRoutes(scope, deps, metrics))

  return app
}
