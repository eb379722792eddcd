import type { FastifyInstance } from 'fastify'
import { createInboxInput, updateInboxInput } from '@madoguchi/shared'
import type { Deps } from '../../deps.ts'
import { documentRoute } from '../../http/openapi-registry.ts'
import { principalOf } from '../../http/principal.ts'
import { parseInput } from '../../http/validate.ts'
import { AppError } from '../../lib/app-error.ts'
import { isId } from '../../lib/ids.ts'
import { createInbox } from './create-inbox.ts'
import { findInbox, listInboxRows } from './inbox.repo.ts'
import { toInboxView } from './inbox-view.ts'
import { updateInbox } from './update-inbox.ts'
import { rawEmailRoute } from './raw-email.routes.ts'
import { rawEmailDownloadRoutes } from './raw-emails.routes.ts'

/** Email inboxes: admins manage them; every agent may see which exist (passwords never shown). */
export async function inboxRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  documentRoute({ method: 'POST', path: '/inboxes', tags: ['Inboxes'], access: 'admin', body: createInboxInput, status: 201, summary: 'Create an email inbox with its addresses', errors: ['inbox.address_taken'] })
  app.post('/inboxes', { config: { access: 'admin' } }, async (request, reply) => {
    const view = await createInbox(deps, principalOf(request), parseInput(createInboxInput, request.body))

    return reply.status(201).send(view)
  })

  documentRoute({ method: 'GET', path: '/inboxes', tags: ['Inboxes'], access: 'agent', summary: 'List the account’s inboxes' })
  app.get('/inboxes', { config: { access: 'agent' } }, async (request) => {
    const rows = await listInboxRows(deps.db, principalOf(request).accountId)

    return { items: rows.map(toInboxView) }
  })

  documentRoute({ method: 'GET', path: '/inboxes/:id', tags: ['Inboxes'], access: 'agent', summary: 'One inbox', errors: ['inbox.not_found'] })
  app.get<{ Params: { id: string } }>('/inboxes/:id', { config: { access: 'agent' } }, async (request) => {
    const row = isId(request.params.id) ? await findInbox(deps.db, principalOf(request).accountId, request.params.id) : undefined
    if (!row) throw new AppError('inbox.not_found')

    return toInboxView(row)
  })

  documentRoute({ method: 'PATCH', path: '/inboxes/:id', tags: ['Inboxes'], access: 'admin', body: updateInboxInput, summary: 'Change an inbox', errors: ['inbox.not_found', 'inbox.address_taken'] })
  app.patch<{ Params: { id: string } }>('/inboxes/:id', { config: { access: 'admin' } }, async (request) => {
    if (!isId(request.params.id)) throw new AppError('inbox.not_found')

    return updateInbox(deps, principalOf(request), request.params.id, parseInput(updateInboxInput, request.body))
  })

  await rawEmailRoute(app, deps)
  await rawEmailDownloadRoutes(app, deps)
}
