import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../deps.ts'
import { documentRoute } from '../../http/openapi-registry.ts'
import { principalOf } from '../../http/principal.ts'
import { AppError } from '../../lib/app-error.ts'
import { isId } from '../../lib/ids.ts'
import { findAttachment } from './attachment.repo.ts'
import { readBlob } from './blob-store.ts'
import { ensureTicketFileVisible } from './ticket-file-access.ts'

/** Types a browser may render inline without risk; everything else is a download. */
const SAFE_INLINE = /^image\/(png|jpeg|gif|webp)$/

/**
 * One attachment's bytes. Always sent so that the browser cannot run it in our
 * origin: `nosniff`, a sandboxing CSP, and `attachment` disposition for anything
 * but plain images (HTML, SVG and PDFs are never shown inline).
 */
export async function attachmentRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  documentRoute({ method: 'GET', path: '/attachments/:id', tags: ['Inboxes'], access: 'agent', summary: 'Download an attachment', produces: 'application/octet-stream', errors: ['attachment.not_found'] })
  app.get<{ Params: { id: string }; Querystring: { inline?: string } }>('/attachments/:id', { config: { access: 'agent' } }, async (request, reply) => {
    const principal = principalOf(request)
    const row = isId(request.params.id) ? await findAttachment(deps.db, principal.accountId, request.params.id) : undefined
    if (!row || row.refused_reason) throw new AppError('attachment.not_found')
    // The same rule as the ticket itself: partners only their teams', restricted tickets only their team.
    await ensureTicketFileVisible(deps.db, principal, row.ticket_id)
    const bytes = await readBlob(deps, { content: row.content, storageKey: row.storage_key })
    const inline = request.query.inline === '1' && SAFE_INLINE.test(row.content_type)

    return reply
      .header('content-type', SAFE_INLINE.test(row.content_type) ? row.content_type : 'application/octet-stream')
      .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', row.filename))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'private, max-age=3600')
      .send(bytes)
  })
}

/** RFC 6266 / 5987: an ASCII fallback plus the exact UTF-8 name (Japanese file names). */
export function contentDisposition(type: 'inline' | 'attachment', filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`
}
