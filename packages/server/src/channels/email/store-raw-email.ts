import { createHash } from 'node:crypto'
import type { Deps } from '../../deps.ts'
import { toJson } from '../../db/json.ts'
import { writeAlone } from '../../db/write-alone.ts'
import { newId } from '../../lib/ids.ts'
import { storeBlob } from './blob-store.ts'
import type { InboxRow, RawEmailRow } from './email.table.ts'
import { findRawEmailByKey, insertRawEmail } from './raw-email.repo.ts'

export interface RawEmailEnvelope {
  source: RawEmailRow['source']
  envelopeFrom?: string | null
  envelopeTo?: string[]
}

export type StoreResult = { stored: true; row: RawEmailRow } | { stored: false; existing: RawEmailRow }

/**
 * The durable step: the raw bytes and their row commit before anything else
 * happens to the message, so an SMTP 250 or an HTTP answer never promises more
 * than the disk holds. The same Message-ID (or, without one, the same bytes)
 * arriving twice at one inbox is stored once.
 */
export async function storeRawEmail(deps: Deps, inbox: InboxRow, raw: Buffer, envelope: RawEmailEnvelope): Promise<StoreResult> {
  const sha256 = createHash('sha256').update(raw).digest('hex')
  const messageId = headerMessageId(raw)
  const dedupeKey = messageId ? `mid:${messageId}` : `sha:${sha256}`
  const blob = await storeBlob(deps, raw, sha256)
  const row: RawEmailRow = {
    id: newId(),
    account_id: inbox.account_id,
    inbox_id: inbox.id,
    source: envelope.source,
    dedupe_key: dedupeKey,
    message_id_header: messageId,
    sha256,
    size: raw.length,
    content: blob.content,
    storage_key: blob.storageKey,
    envelope_from: envelope.envelopeFrom ?? null,
    envelope_to: toJson(envelope.envelopeTo ?? []),
    sender: null,
    outcome: 'received',
    reason: null,
    parse_warnings: '[]',
    ticket_id: null,
    message_id: null,
    received_at: deps.clock.now().toISOString(),
    processed_at: null,
  }
  if (await writeAlone(deps, (db) => insertRawEmail(db, row))) return { stored: true, row }
  const existing = await findRawEmailByKey(deps.db, inbox.id, dedupeKey)

  return existing ? { stored: false, existing } : { stored: true, row }
}

/** Message-ID from the top header block, without a full parse (dedupe comes first). */
export function headerMessageId(raw: Buffer): string | null {
  const ends = [raw.indexOf('\r\n\r\n'), raw.indexOf('\n\n')].filter((i) => i >= 0)
  const head = raw.subarray(0, ends.length > 0 ? Math.min(...ends) : Math.min(raw.length, 65536)).toString('latin1')
  const match = /^message-id[ \t]*:[ \t]*(?:\r?\n[ \t]+)?<?([^\s<>]+@[^\s<>]+|[^\s<>]{6,})>?/im.exec(head)

  return match?.[1]?.slice(0, 500) ?? null
}
