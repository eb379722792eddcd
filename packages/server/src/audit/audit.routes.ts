import type { FastifyInstance } from 'fastify'
import { auditEntryPage, listAuditLogQuery } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import { documentRoute } from '../http/openapi-registry.ts'
import { principalOf } from '../http/principal.ts'
import { parseInput } from '../http/validate.ts'
import { listAuditLog } from './list-audit-log.ts'

export async function auditRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  documentRoute({
    method: 'GET', path: '/audit-log', tags: ['Audit log'], access: 'admin', query: listAuditLogQuery, response: auditEntryPage,
    summary: 'Administrative actions of the account, newest first (cursor pages)',
  })
  app.get('/audit-log', { config: { access: 'admin' } }, async (request) =>
    listAuditLog(deps, principalOf(request), parseInput(listAuditLogQuery, request.query)))
}
