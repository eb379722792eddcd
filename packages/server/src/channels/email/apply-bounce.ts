import type { Deps } from '../../deps.ts'
import { recordEvent } from '../../audit/record-event.ts'
import type { EmailClass } from './classify-email.ts'
import type { RawEmailRow } from './email.table.ts'

type Bounce = Extract<EmailClass, { kind: 'bounce' }>

export interface BounceApplied {
  ticketId: string | null
  messageId: string | null
  reason: string
}

/**
 * A bounce makes no ticket. It fails the outgoing mail it reports on (found by the
 * original Message-ID), which shows on that message in the agent app, and marks the
 * customer's address as bouncing (if we ever mailed it) so agents see why replies
 * do not arrive. Delay
 * warnings and complaints change nothing but are kept (stored raw, outcome bounce).
 */
export async function applyBounce(deps: Deps, raw: RawEmailRow, bounce: Bounce): Promise<BounceApplied> {
  const now = deps.clock.now().toISOString()
  const first = bounce.recipients[0]
  const reason = (first ? `${first.address}: ${first.status ? `${first.status} ` : ''}${first.reason}` : `bounce (${bounce.signal})`).slice(0, 1000)
  if (bounce.subtype !== 'failure') return { ticketId: null, messageId: null, reason: `${bounce.subtype}: ${reason}` }

  return deps.transact(async (trx) => {
    const outbound = bounce.originalMessageId
      ? await trx.selectFrom('email_outbound').selectAll().where('account_id', '=', raw.account_id)
        .where('rfc_message_id', '=', bounce.originalMessageId).executeTakeFirst()
      : undefined
    if (outbound) {
      await trx.updateTable('email_outbound')
        .set({ status: 'failed', last_error: reason, failed_at: now, bounce_raw_email_id: raw.id, updated_at: now })
        .where('message_id', '=', outbound.message_id).execute()
      if (outbound.kind === 'reply') {
        await trx.updateTable('messages').set({ delivery_status: 'failed', delivery_error: reason })
          .where('account_id', '=', raw.account_id).where('id', '=', outbound.message_id).execute()
      }
    }
    const addresses = bounce.recipients.map((r) => r.address).concat(outbound && bounce.recipients.length === 0 ? [outbound.to_address] : [])
    for (const address of addresses) {
      // Backscatter (bounces of spam forged with our customers' addresses) must not mark
      // anyone: only addresses we actually sent mail to can be bouncing.
      const sentTo = outbound?.to_address === address || (await trx.selectFrom('email_outbound').select('message_id')
        .where('account_id', '=', raw.account_id).where('to_address', '=', address).executeTakeFirst()) !== undefined
      if (!sentTo) continue
      const contact = await trx.selectFrom('customer_contacts').select(['id', 'customer_id']).where('account_id', '=', raw.account_id)
        .where('kind', '=', 'email').where('value', '=', address).executeTakeFirst()
      if (!contact) continue
      await trx.updateTable('customer_contacts').set({ bouncing_at: now, bounce_reason: reason }).where('id', '=', contact.id).execute()
      await recordEvent(trx, {
        accountId: raw.account_id, subjectType: 'customer', subjectId: contact.customer_id, type: 'customer.contact_bouncing',
        actor: { kind: 'system' }, field: 'contacts', after: { address, reason }, at: now,
      })
    }

    return { ticketId: outbound?.ticket_id ?? null, messageId: outbound?.message_id ?? null, reason }
  })
}
