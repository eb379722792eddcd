import { createHash } from 'node:crypto'
import type { FastifyReply } from 'fastify'
import type { KbImageView } from '@madoguchi/shared'
import { KB_IMAGE_MAX_BYTES } from '@madoguchi/shared'
import { readBlob, storeBlob } from '../channels/email/blob-store.ts'
import type { Deps } from '../deps.ts'
import type { Principal } from '../http/principal.ts'
import { AppError } from '../lib/app-error.ts'
import { isId, newId } from '../lib/ids.ts'
import type { KbImageRow } from './knowledge.table.ts'

/** The only types accepted: ones a browser shows as a picture and never runs (no SVG). */
const SIGNATURES: { type: string; test(b: Buffer): boolean }[] = [
  { type: 'image/png', test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { type: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/gif', test: (b) => ['GIF87a', 'GIF89a'].includes(b.subarray(0, 6).toString('latin1')) },
  { type: 'image/webp', test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
]

/** The type the bytes really are (the declared Content-Type is not trusted). */
export function sniffImageType(bytes: Buffer): string | null {
  return SIGNATURES.find((s) => s.test(bytes))?.type ?? null
}

export const kbImageUrl = (id: string): string => `/help/images/${id}`

function toKbImageView(row: Pick<KbImageRow, 'id' | 'filename' | 'content_type' | 'size'>): KbImageView {
  return { id: row.id, url: kbImageUrl(row.id), filename: row.filename, contentType: row.content_type, size: row.size }
}

/** Stores an uploaded image (bytes durable before the row commits, as attachments do). */
export async function uploadKbImage(deps: Deps, principal: Principal, bytes: Buffer, filename: string | undefined): Promise<KbImageView> {
  const type = sniffImageType(bytes)
  if (!type || bytes.length > KB_IMAGE_MAX_BYTES) throw new AppError('kb.image_invalid')
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const stored = await storeBlob(deps, bytes, sha256)
  // Only the last path segment of a name, without control characters: it is shown and used as alt text.
  const name = (filename ?? '').split(/[\\/]/).pop()!.replace(/[\p{Cc}[\]]/gu, '').trim() || 'image'
  const row = {
    id: newId(), account_id: principal.accountId, filename: name, content_type: type, size: bytes.length, sha256,
    content: stored.content, storage_key: stored.storageKey, uploaded_by: principal.agentId, created_at: deps.clock.now().toISOString(),
  }
  await deps.db.insertInto('kb_images').values(row).execute()

  return toKbImageView(row)
}

/**
 * `GET /help/images/:id`: public like the help center (an internal article's image
 * is as public as its URL). Immutable, so caches keep it; served so that a browser
 * can only ever show it as a picture.
 */
export async function sendKbImage(deps: Deps, accountId: string | undefined, id: string, reply: FastifyReply): Promise<FastifyReply> {
  const row = accountId && isId(id)
    ? await deps.db.selectFrom('kb_images').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst()
    : undefined
  if (!row) throw new AppError('kb.image_not_found')
  const bytes = await readBlob(deps, { content: row.content, storageKey: row.storage_key })

  return reply
    .header('content-type', row.content_type)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'public, max-age=31536000, immutable')
    .send(bytes)
}
