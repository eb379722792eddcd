import type { RawEmailResult } from '@madoguchi/shared'
import type { Executor } from '../../db/database.ts'
import type { Deps } from '../../deps.ts'
import { toJson } from '../../db/json.ts'
import { writeAlone } from '../../db/write-alone.ts'
import { hitRateLimit } from '../../http/rate-limit.ts'
import { enqueueJob } from '../../jobs/enqueue.ts'
import { AppError } from '../../lib/app-error.ts'
import { normalizeEmail } from '../../lib/contact-normalize.ts'
import { appendInboundMessage } from '../../tickets/append-inbound-message.ts'
import { createTicketFromInbound } from '../../tickets/create-ticket-from-inbound.ts'
import { linkAttachments } from './attachment.repo.ts'
import { applyBounce } from './apply-bounce.ts'
import { readBlob } from './blob-store.ts'
import { classifyEmail } from './classify-email.ts'
import { inProcessParser } from './email-parser.ts'
import type { InboxRow, RawEmailRow } from './email.table.ts'
import { customerIdsForAddress, findEmailThread } from './find-email-thread.ts'
import { foldQuotes } from './fold-quotes.ts'
import { inboxAddressesOf, inboxSettingsOf } from './inbox-view.ts'
import type { ParsedEmail } from './parsed-email.ts'
import { recordRawEmailOutcome } from './raw-email.repo.ts'
import { rewriteCidImages } from './sanitize-email-html.ts'
import { storeAttachments } from './store-attachments.ts'
import type { StoredAttachment } from './store-attachments.ts'
import { threadKeys } from './thread-email.ts'

export const SEND_ACK_JOB = 'mail.send_ack'

/**
 * Turns a stored raw message into what it means: a bounce applied to the mail it
 * reports on, an auto-reply kept quietly, a throttled sender refused, or a customer
 * message appended to its ticket or opening a new one. Safe to run again for the
 * same row (after a crash): every write below is idempotent on the raw message.
 */
export async function processRawEmail(deps: Deps, inbox: InboxRow, raw: RawEmailRow, rawBytes?: Buffer): Promise<RawEmailResult> {
  const settings = inboxSettingsOf(inbox)
  // The receiver passes the bytes it just stored; only a later retry reads them back.
  const bytes = rawBytes ?? await readBlob(deps, { content: raw.content, storageKey: raw.storage_key })
  const email = await (deps.emailParser ?? inProcessParser).parse(bytes, { maxAttachmentBytes: settings.maxAttachmentBytes, allowRemoteImages: settings.allowRemoteImages })
  const sender = email.from?.address ?? raw.envelope_from?.toLowerCase() ?? null
  /** What became of the message, on its raw row (with its attachments linked and the acknowledgement queued). */
  const record = async (db: Executor, result: RawEmailResult, extra: { enqueueAck?: boolean }) => {
    await recordRawEmailOutcome(db, deps.dialect, {
      id: raw.id, outcome: result.outcome, reason: result.reason ?? null, ticket_id: result.ticketId ?? null, message_id: result.messageId ?? null,
      sender, parse_warnings: toJson(email.warnings), processed_at: deps.clock.now().toISOString(),
    })
    if (isLinked(result)) await linkAttachments(db, raw.id, result.messageId!, result.ticketId!)
    if (extra.enqueueAck) {
      await enqueueJob(db, SEND_ACK_JOB, { rawEmailId: raw.id }, { accountId: raw.account_id, dedupeKey: raw.id, now: deps.clock.now() })
    }
  }
  const isLinked = (result: RawEmailResult) =>
    Boolean(result.messageId && result.ticketId && (result.outcome === 'ticket_created' || result.outcome === 'appended') && email.attachments.length > 0)
  /** `recorded`: already written in the transaction that made the ticket. */
  const finish = async (result: RawEmailResult, extra: { enqueueAck?: boolean } = {}, recorded = false) => {
    if (!recorded) {
      // One statement needs no transaction of its own (the common case: no attachments, no acknowledgement).
      if (isLinked(result) || extra.enqueueAck) await deps.transact((trx) => record(trx, result, extra))
      else await writeAlone(deps, (db) => record(db, result, extra))
    }
    deps.logger.info({ rawEmailId: raw.id, inboxId: inbox.id, outcome: result.outcome, reason: result.reason }, 'email processed')

    return result
  }

  const kind = classifyEmail(email, { ownAddresses: inboxAddressesOf(inbox) })
  if (kind.kind === 'bounce') {
    const applied = await applyBounce(deps, raw, kind)

    return finish({ outcome: 'bounce', reason: applied.reason, ...(applied.ticketId ? { ticketId: applied.ticketId } : {}), ...(applied.messageId ? { messageId: applied.messageId } : {}) })
  }
  if (sender && raw.processed_at === null) {
    const hits = await hitRateLimit(deps, `email:${inbox.id}:${sender}`, 60_000)
    if (hits.count > settings.throttlePerMinute) return finish({ outcome: 'refused', reason: 'throttled' })
  }
  if (kind.kind === 'auto_reply') return finish({ outcome: 'auto_reply', reason: kind.signal })
  if (!sender) return finish({ outcome: 'refused', reason: 'no_sender' })
  if (inboxAddressesOf(inbox).includes(sender)) return finish({ outcome: 'refused', reason: 'loop' })
  const customerAddress = usableAddress([sender, email.replyTo[0]?.address, raw.envelope_from])
  // Kept (raw stored) but not turned into a ticket: there is nobody we could answer.
  if (!customerAddress) return finish({ outcome: 'refused', reason: 'invalid_sender' })

  const attachments = await storeAttachments(deps, raw, email.attachments)
  const externalId = email.messageId ?? `raw:${raw.sha256}`
  const body = messageBody(email, attachments, raw)
  const keys = threadKeys(email, parseEnvelope(raw))
  // Only a `[#n]` subject tag needs to know who the sender is before the ticket exists.
  const senderCustomers = keys.subjectNumbers.length > 0 ? await customerIdsForAddress(deps.db, inbox.account_id, customerAddress) : []
  const thread = await findEmailThread(deps.db, inbox, keys, senderCustomers)
  if (thread) {
    try {
      const appended = await appendInboundMessage(deps, {
        accountId: inbox.account_id, ticketId: thread.ticket.id, channel: 'email', externalId,
        authorCustomerId: (senderCustomers.length > 0 ? senderCustomers : await customerIdsForAddress(deps.db, inbox.account_id, customerAddress))[0] ?? thread.ticket.customer_id,
        ...body, remoteImages: settings.allowRemoteImages,
      })
      const own = appended.message.metadata['rawEmailId'] === raw.id

      return finish({ outcome: appended.duplicate && !own ? 'duplicate' : 'appended', ticketId: thread.ticket.id, messageId: appended.message.id })
    } catch (error) {
      // A closed ticket takes no more mail: the reply opens a follow-up ticket below.
      if (!(error instanceof AppError && error.code === 'ticket.closed')) throw error
    }
  }
  const created = await createTicketFromInbound(deps, {
    accountId: inbox.account_id, channel: 'email', externalId, subject: email.subject, inboxId: inbox.id,
    customer: { email: customerAddress, ...(email.from?.name ? { name: email.from.name.slice(0, 200) } : {}), language: looksJapanese(email) ? 'ja' : 'en' },
    ...body, remoteImages: settings.allowRemoteImages,
    inTransaction: (trx, ids) => record(trx, { outcome: 'ticket_created', ...ids }, { enqueueAck: settings.ackEnabled }),
  })
  const own = created.message.metadata['rawEmailId'] === raw.id
  const isNew = !created.duplicate || own

  return finish(
    { outcome: isNew ? 'ticket_created' : 'duplicate', ticketId: created.ticket.id, messageId: created.message.id },
    { enqueueAck: isNew && settings.ackEnabled },
    !created.duplicate,
  )
}

function messageBody(email: ParsedEmail, attachments: StoredAttachment[], raw: RawEmailRow) {
  const folded = foldQuotes(email.text)
  const byCid = new Map(attachments.filter((a) => a.contentId && !a.refusedReason).map((a) => [a.contentId!, a.id]))
  const html = email.html ? rewriteCidImages(email.html, (cid) => (byCid.has(cid) ? `/api/v1/attachments/${byCid.get(cid)}?inline=1` : undefined)) : null

  return {
    bodyText: email.text.trim() || email.subject || '(本文なし)',
    bodyHtml: html,
    metadata: {
      rawEmailId: raw.id,
      email: {
        from: email.from, to: email.to, cc: email.cc, subject: email.subject, date: email.date, messageId: email.messageId,
        newPart: folded.newPart, hasQuote: folded.quoted !== null, signature: folded.signature, warnings: email.warnings,
      },
      attachments: attachments.map(({ id, filename, contentType, size, inline, refusedReason }) => ({ id, filename, contentType, size, inline, refusedReason })),
    },
  }
}

/** The first address the customer records accept (see normalizeEmail). */
function usableAddress(candidates: Array<string | null | undefined>): string | null {
  for (const candidate of candidates) {
    if (!candidate) continue
    try {
      return normalizeEmail(candidate)
    } catch {
      // try the next one
    }
  }

  return null
}

function parseEnvelope(raw: RawEmailRow): string[] {
  try {
    return JSON.parse(raw.envelope_to) as string[]
  } catch {
    return []
  }
}

function looksJapanese(email: ParsedEmail): boolean {
  return /[\u3040-\u30ff\u4e00-\u9fff]/.test(`${email.subject} ${email.text.slice(0, 2000)}`)
}
