import type { FastifyInstance } from 'fastify'
import { listAuditLogQuery } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import { principalOf } from '../http/principal.ts'
import { parseInput } from '../http/validate.ts'
import { listAuditLog } from './list-audit-log.ts'

export async function auditRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  app.get('/audit-log', { config: { access: 'admin' } }, async (request) =>
    listAuditLog(deps, principalOf(request), parseInput(listAuditLogQuery, request.query)))
}
