import type { RawEmailResult } from '@madoguchi/shared'
import type { Deps } from '../../deps.ts'
import { AppError } from '../../lib/app-error.ts'
import { findInboxForMail } from './inbox.repo.ts'
import { processRawEmail } from './process-raw-email.ts'
import type { RawEmailEnvelope } from './store-raw-email.ts'
import { storeRawEmail } from './store-raw-email.ts'

export interface IngestInput extends Partial<RawEmailEnvelope> {
  inboxId: string
  raw: Buffer
  /** When given (API calls), the inbox must belong to this account. */
  accountId?: string
}

/**
 * One inbound message from any source (SMTP, IMAP, API): stored durably first,
 * then processed. A redelivery of a stored message answers `duplicate` with what
 * the first delivery became. If processing fails the raw message stays stored
 * (outcome `received`) and the `email.process_pending` job finishes it later.
 */
export async function ingestRawEmail(deps: Deps, input: IngestInput): Promise<RawEmailResult> {
  const inbox = await findInboxForMail(deps.db, input.inboxId)
  if (!inbox || (input.accountId && inbox.account_id !== input.accountId)) throw new AppError('inbox.not_found')

  const stored = await storeRawEmail(deps, inbox, input.raw, { source: input.source ?? 'api', envelopeFrom: input.envelopeFrom, envelopeTo: input.envelopeTo })
  if (!stored.stored) {
    const first = stored.existing
    if (first.outcome === 'received') return processRawEmail(deps, inbox, first)

    return {
      outcome: 'duplicate',
      ...(first.ticket_id ? { ticketId: first.ticket_id } : {}),
      ...(first.message_id ? { messageId: first.message_id } : {}),
      reason: `already stored as ${first.outcome}`,
    }
  }

  return processRawEmail(deps, inbox, stored.row, input.raw)
}
