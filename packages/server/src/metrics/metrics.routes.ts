import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Deps } from '../deps.ts'
import { documentRoute } from '../http/openapi-registry.ts'
import { AppError } from '../lib/app-error.ts'
import type { AppMetrics } from './metrics.ts'

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1'])

/**
 * Who may scrape: `MADOGUCHI_METRICS=public` (or 1) anyone — protect it at the
 * network level; `local` (default) only clients on this host that did not come
 * through a proxy (a forwarded request carries X-Forwarded-For / Forwarded, and a
 * reverse proxy on the same host would otherwise make everyone "local");
 * `off` (or 0) nobody. Refusals are 404s so the endpoint is not advertised.
 */
function mayScrape(deps: Deps, request: FastifyRequest): boolean {
  const mode = deps.config.metrics
  if (mode === 'public') return true
  if (mode === 'off') return false
  const forwarded = request.headers['x-forwarded-for'] !== undefined || request.headers.forwarded !== undefined

  return !forwarded && LOOPBACK.has(request.socket.remoteAddress ?? '')
}

/** Counts every request by route pattern (not raw URL, to keep label cardinality bounded). */
export function installHttpMetrics(app: FastifyInstance, metrics: AppMetrics): void {
  app.addHook('onResponse', async (request, reply) => {
    metrics.httpDuration.observe(
      { route: request.routeOptions.url ?? 'unmatched', method: request.method, status_code: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    )
  })
}

export async function metricsRoutes(app: FastifyInstance, deps: Deps, metrics: AppMetrics): Promise<void> {
  documentRoute({
    method: 'GET', path: '/metrics', prefix: '', tags: ['Operations'], access: 'public', produces: 'text/plain',
    summary: 'Prometheus metrics (HTTP latency, jobs, process)',
    description: 'Readable from this host only by default; `MADOGUCHI_METRICS=public` opens it, `off` closes it.',
  })
  app.get('/metrics', { config: { access: 'public' } }, async (request, reply) => {
    if (!mayScrape(deps, request)) throw new AppError('request.not_found')

    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics())
  })
}
