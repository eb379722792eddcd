import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../deps.ts'
import { documentRoute } from '../../http/openapi-registry.ts'
import { principalOf } from '../../http/principal.ts'
import { AppError } from '../../lib/app-error.ts'
import { isId } from '../../lib/ids.ts'
import { ingestRawEmail } from './ingest-raw-email.ts'

/** Largest raw message accepted over HTTP (and by the SMTP server): attachments plus MIME overhead. */
export const MAX_RAW_EMAIL_BYTES = 35 * 1024 * 1024

/**
 * `POST /inboxes/:id/raw-email` with `Content-Type: message/rfc822`: for relays
 * that deliver over HTTP and for importing archives. Answers what became of it.
 */
export async function rawEmailRoute(app: FastifyInstance, deps: Deps): Promise<void> {
  app.addContentTypeParser('message/rfc822', { parseAs: 'buffer', bodyLimit: MAX_RAW_EMAIL_BYTES }, (_request, body, done) => done(null, body))

  documentRoute({
    method: 'POST', path: '/inboxes/:id/raw-email', tags: ['Inboxes'], access: 'admin',
    summary: 'Deliver one raw RFC 5322 message (Content-Type: message/rfc822) to an inbox',
    description: 'Answers `{"outcome": "ticket_created"|"appended"|"bounce"|"auto_reply"|"duplicate"|"refused", "ticketId"?, "messageId"?, "reason"?}`. The raw message is stored before the answer.',
    errors: ['inbox.not_found'],
  })
  app.post<{ Params: { id: string } }>('/inboxes/:id/raw-email', { config: { access: 'admin' }, bodyLimit: MAX_RAW_EMAIL_BYTES }, async (request) => {
    if (!isId(request.params.id)) throw new AppError('inbox.not_found')
    if (!Buffer.isBuffer(request.body)) throw new AppError('request.unsupported_media_type')
    if (request.body.length === 0) throw new AppError('request.validation_failed', [{ path: '', code: 'empty', message: 'empty message' }])

    return ingestRawEmail(deps, { inboxId: request.params.id, accountId: principalOf(request).accountId, raw: request.body, source: 'api' })
  })
}
