import type { Deps } from '../../deps.ts'
import { newId } from '../../lib/ids.ts'
import { insertAttachments } from './attachment.repo.ts'
import { storeBlob } from './blob-store.ts'
import type { NewAttachmentRow, RawEmailRow } from './email.table.ts'
import type { ParsedAttachment } from './parsed-email.ts'

export interface StoredAttachment {
  id: string
  filename: string
  contentType: string
  size: number
  inline: boolean
  contentId: string | null
  refusedReason: string | null
}

/**
 * Keeps a message's attachments (refused ones as a row without bytes, so the agent
 * sees that something was held back and why). Re-processing the same raw message
 * reuses the rows it made the first time.
 */
export async function storeAttachments(deps: Deps, raw: RawEmailRow, attachments: ParsedAttachment[]): Promise<StoredAttachment[]> {
  if (attachments.length === 0) return []
  const existing = await deps.db.selectFrom('attachments').selectAll().where('raw_email_id', '=', raw.id).orderBy('id').execute()
  if (existing.length > 0) {
    return existing.map((a) => ({ id: a.id, filename: a.filename, contentType: a.content_type, size: a.size, inline: a.inline === 1, contentId: a.content_id, refusedReason: a.refused_reason }))
  }
  const now = deps.clock.now().toISOString()
  const rows: NewAttachmentRow[] = []
  for (const a of attachments) {
    const blob = a.content ? await storeBlob(deps, a.content, a.sha256) : { content: null, storageKey: null }
    rows.push({
      id: newId(), account_id: raw.account_id, raw_email_id: raw.id, message_id: null, ticket_id: null, filename: a.filename,
      content_type: a.contentType, size: a.size, sha256: a.sha256, content: blob.content, storage_key: blob.storageKey,
      content_id: a.contentId, inline: a.inline ? 1 : 0, refused_reason: a.refusedReason, created_at: now,
    })
  }
  await insertAttachments(deps.db, rows)

  return rows.map((r) => ({ id: r.id, filename: r.filename, contentType: r.content_type, size: r.size, inline: r.inline === 1, contentId: r.content_id ?? null, refusedReason: r.refused_reason ?? null }))
}
