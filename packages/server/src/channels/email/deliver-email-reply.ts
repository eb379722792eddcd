import type { Deps } from '../../deps.ts'
import type { JobContext } from '../../jobs/job-definition.ts'
import { composeEmail } from './compose-email.ts'
import type { InboxRow } from './email.table.ts'
import { inboxAddressesOf, inboxSettingsOf } from './inbox-view.ts'
import { ensureOutbound, threadMessageIds, updateOutbound } from './outbound.repo.ts'
import { customerMailInfo } from './customer-mail-info.ts'
import { sendViaRelay } from './smtp-relay.ts'
import { replyAddressFor } from './thread-email.ts'

/**
 * Sends an agent's reply on an email ticket (the `message.deliver` job): the same
 * Message-ID on every attempt, In-Reply-To / References so the customer's mail
 * program threads it, the inbox's from-name and signature, the customer's CRN in
 * the footer. The message shows queued → sent, or failed with the relay's reason.
 */
export async function deliverEmailReply(deps: Deps, messageId: string, context: JobContext): Promise<void> {
  const message = await deps.db.selectFrom('messages').selectAll().where('id', '=', messageId).executeTakeFirst()
  if (!message || message.kind !== 'outbound' || message.delivery_status === 'sent') return
  const ticket = await deps.db.selectFrom('tickets').selectAll().where('account_id', '=', message.account_id).where('id', '=', message.ticket_id).executeTakeFirstOrThrow()
  const inbox = await inboxForTicket(deps, message.account_id, ticket.inbox_id)
  const fail = async (reason: string) => markDelivery(deps, message.account_id, messageId, 'failed', reason)
  if (!inbox) return fail('no email inbox to send from')
  const customer = await customerMailInfo(deps.db, message.account_id, ticket.customer_id)
  if (!customer.email) return fail('the customer has no email address')
  const settings = inboxSettingsOf(inbox)
  if (!settings.smtp) return fail('the inbox has no SMTP relay configured')

  const sender = inboxAddressesOf(inbox)[0]!
  const domain = sender.split('@')[1]!
  const now = deps.clock.now().toISOString()
  const outbound = await ensureOutbound(deps.db, {
    message_id: messageId, account_id: message.account_id, inbox_id: inbox.id, ticket_id: ticket.id, kind: 'reply',
    rfc_message_id: `${messageId}@${domain}`, to_address: customer.email, status: 'queued', created_at: now, updated_at: now,
  })
  if (outbound.status === 'sent') return
  const thread = await threadMessageIds(deps.db, message.account_id, ticket.id)
  const ja = customer.language !== 'en'
  const footer = ja ? `お客様番号: ${customer.crn}（お問い合わせの際にお伝えください）` : `Your customer number: ${customer.crn} (please quote it when you contact us)`
  const text = [message.body_text.trimEnd(), settings.signature ? `\n-- \n${settings.signature.trimEnd()}` : '', `\n${footer}`].join('\n')
  const subject = `${/^re:/i.test(ticket.subject) ? '' : 'Re: '}${ticket.subject} [#${ticket.number}]`
  const raw = composeEmail({
    from: { name: settings.fromName ?? inbox.name, address: sender },
    to: { name: customer.name, address: customer.email },
    replyTo: replyAddressFor(sender, inbox.secret, Number(ticket.number)),
    subject, text, messageId: outbound.rfc_message_id, inReplyTo: thread.lastInbound,
    references: thread.ids.filter((id) => id !== outbound.rfc_message_id), date: deps.clock.now(), charset: settings.charset,
  })
  const failure = await sendViaRelay(settings.smtp, { from: sender, to: customer.email }, raw)
  const at = deps.clock.now().toISOString()
  if (!failure) {
    await updateOutbound(deps.db, messageId, { status: 'sent', sent_at: at, attempts: outbound.attempts + 1, last_error: null, updated_at: at })
    await markDelivery(deps, message.account_id, messageId, 'sent', null)

    return
  }
  await updateOutbound(deps.db, messageId, { attempts: outbound.attempts + 1, last_error: failure.reason, updated_at: at })
  if (failure.permanent || context.attempt >= context.maxAttempts) {
    await updateOutbound(deps.db, messageId, { status: 'failed', failed_at: at })
    await fail(failure.reason)

    return
  }
  throw new Error(`temporary SMTP failure: ${failure.reason}`)
}

async function inboxForTicket(deps: Deps, accountId: string, inboxId: string | null): Promise<InboxRow | undefined> {
  let query = deps.db.selectFrom('inboxes').selectAll().where('account_id', '=', accountId).where('channel', '=', 'email')
  // Tickets opened by hand have no inbox: they answer from the account's first email inbox.
  query = inboxId ? query.where('id', '=', inboxId) : query.where('active', '=', 1).orderBy('id')

  return query.executeTakeFirst()
}

async function markDelivery(deps: Deps, accountId: string, messageId: string, status: 'sent' | 'failed', reason: string | null): Promise<void> {
  await deps.db.updateTable('messages').set({ delivery_status: status, delivery_error: reason }).where('account_id', '=', accountId).where('id', '=', messageId).execute()
}
