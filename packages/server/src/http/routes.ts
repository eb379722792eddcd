import type { FastifyInstance } from 'fastify'
import type { Deps } from '../deps.ts'

/**
 * The `/api/v1` route groups, one per feature. Each group declares `config.access`
 * on every route (enforced by access.ts).
 */
export async function apiRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  void app
  void deps
}
