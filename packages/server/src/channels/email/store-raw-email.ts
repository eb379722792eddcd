import { createHash } from 'node:crypto'
import type { Deps } from '../../deps.ts'
import { toJson } from '../../db/json.ts'
import { writeAlone } from '../../db/write-alone.ts'
import { batchByTurnFor } from '../../lib/batch-by-turn.ts'
import { newId } from '../../lib/ids.ts'
import { storeBlob } from './blob-store.ts'
import type { InboxRow, RawEmailRow } from './email.table.ts'
import { findRawEmailByKey, insertRawEmails } from './raw-email.repo.ts'

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
  const inserted = await insertSoon(deps, row)
  if (inserted instanceof Error) throw inserted
  if (inserted) return { stored: true, row }
  const existing = await findRawEmailByKey(deps.db, inbox.id, dedupeKey)

  return existing ? { stored: false, existing } : { stored: true, row }
}

/**
 * The raw rows of one turn of the event loop are inserted together: under a flood
 * of mail, one statement (PostgreSQL: one round trip and one commit) for many
 * messages. Each still resolves only once its row is committed. If the statement
 * fails, each row is tried alone, so a row the database refuses costs its own
 * sender a retry (SMTP 451), not every sender of the batch.
 */
const insertSoon = batchByTurnFor(async (deps: Deps, rows: RawEmailRow[]): Promise<Map<RawEmailRow, boolean | Error>> => {
  const results = new Map<RawEmailRow, boolean | Error>()
  try {
    const inserted = await writeAlone(deps, (db) => insertRawEmails(db, rows))
    for (const row of rows) results.set(row, inserted.has(row.id))
  } catch (error) {
    if (rows.length === 1) throw error
    await Promise.all(rows.map((row) => writeAlone(deps, (db) => insertRawEmails(db, [row])).then(
      (inserted) => results.set(row, inserted.has(row.id)),
      (failure: unknown) => results.set(row, failure instanceof Error ? failure : new Error(String(failure))),
    )))
  }

  return results
})

/** Message-ID from the top header block, without a full parse (dedupe comes first). */
export function headerMessageId(raw: Buffer): string | null {
  const ends = [raw.indexOf('\r\n\r\n'), raw.indexOf('\n\n')].filter((i) => i >= 0)
  const head = raw.subarray(0, ends.length > 0 ? Math.min(...ends) : Math.min(raw.length, 65536)).toString('latin1')
  // No control characters: a NUL in the key would make PostgreSQL refuse the row, and the sender retry forever.
  // eslint-disable-next-line no-control-regex -- matching control bytes is the point here
  const match = /^message-id[ \t]*:[ \t]*(?:\r?\n[ \t]+)?<?([^\s<>\x00-\x1f\x7f]+@[^\s<>\x00-\x1f\x7f]+|[^\s<>\x00-\x1f\x7f]{6,})>?/im.exec(head)

  return match?.[1]?.slice(0, 500) ?? null
}
