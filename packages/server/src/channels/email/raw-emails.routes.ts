import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../deps.ts'
import { documentRoute } from '../../http/openapi-registry.ts'
import { principalOf } from '../../http/principal.ts'
import { AppError } from '../../lib/app-error.ts'
import { isId } from '../../lib/ids.ts'
import { contentDisposition } from './attachments.routes.ts'
import { readBlob } from './blob-store.ts'
import { ensureTicketFileVisible } from './ticket-file-access.ts'

/**
 * The original message, byte for byte, as it arrived: "show original" in the agent
 * app, and evidence when a customer disputes what they sent. Always a download.
 */
export async function rawEmailDownloadRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  documentRoute({ method: 'GET', path: '/raw-emails/:id', tags: ['Inboxes'], access: 'staff', summary: 'Download a received message as it arrived (message/rfc822)', description: 'Hidden (404) like its ticket when the ticket is restricted to a team the caller is not in.', produces: 'message/rfc822', errors: ['attachment.not_found'] })
  app.get<{ Params: { id: string } }>('/raw-emails/:id', { config: { access: 'staff' } }, async (request, reply) => {
    const principal = principalOf(request)
    const row = isId(request.params.id)
      ? await deps.db.selectFrom('raw_emails').select(['id', 'content', 'storage_key', 'ticket_id']).where('account_id', '=', principal.accountId).where('id', '=', request.params.id).executeTakeFirst()
      : undefined
    if (!row) throw new AppError('attachment.not_found')
    // A restricted ticket's original is as hidden as the ticket.
    await ensureTicketFileVisible(deps.db, principal, row.ticket_id)
    const bytes = await readBlob(deps, { content: row.content, storageKey: row.storage_key })

    return reply
      .header('content-type', 'message/rfc822')
      .header('content-disposition', contentDisposition('attachment', `${row.id}.eml`))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .send(bytes)
  })
}
