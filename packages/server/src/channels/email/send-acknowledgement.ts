import type { Deps } from '../../deps.ts'
import type { JobContext } from '../../jobs/job-definition.ts'
import { composeEmail } from './compose-email.ts'
import { customerMailInfo } from './customer-mail-info.ts'
import { inboxAddressesOf, inboxSettingsOf } from './inbox-view.ts'
import { ensureOutbound, updateOutbound } from './outbound.repo.ts'
import { findRawEmail } from './raw-email.repo.ts'
import { sendViaRelay } from './smtp-relay.ts'
import { replyAddressFor } from './thread-email.ts'

const DEFAULT_TEMPLATES = {
  ja: {
    subject: '【受付完了】{subject} [#{number}]',
    body: '{name} 様\n\nお問い合わせいただき、ありがとうございます。\n受付番号 #{number} にて承りました。担当者より改めてご連絡いたします。\n\nこのメールは自動送信です。ご返信の際は件名を変えずにお送りください。\nお客様番号: {crn}',
  },
  en: {
    subject: 'We received your message: {subject} [#{number}]',
    body: 'Dear {name},\n\nThank you for contacting us. Your request is number #{number}; we will get back to you soon.\n\nThis is an automatic message. To add to your request, reply without changing the subject.\nYour customer number: {crn}',
  },
}

/**
 * The optional acknowledgement of a new email ticket (`mail.send_ack`, enqueued
 * only for customer mail — never for bounces or auto-replies, which would loop).
 * Marked Auto-Submitted so well-behaved auto-responders do not answer it.
 */
export async function sendAcknowledgement(deps: Deps, rawEmailId: string, context: JobContext): Promise<void> {
  const raw = await findRawEmail(deps.db, rawEmailId)
  if (!raw || raw.outcome !== 'ticket_created' || !raw.ticket_id) return
  const inbox = await deps.db.selectFrom('inboxes').selectAll().where('id', '=', raw.inbox_id).executeTakeFirstOrThrow()
  const settings = inboxSettingsOf(inbox)
  if (!settings.ackEnabled || !settings.smtp) return
  const ticket = await deps.db.selectFrom('tickets').select(['id', 'number', 'subject', 'customer_id']).where('id', '=', raw.ticket_id).executeTakeFirstOrThrow()
  const customer = await customerMailInfo(deps.db, raw.account_id, ticket.customer_id)
  if (!customer.email || customer.bouncing) return
  const lang = customer.language === 'en' ? 'en' : 'ja'
  const template = settings.ackTemplates?.[lang] ?? DEFAULT_TEMPLATES[lang]
  const fill = (s: string) => s.replace(/\{(name|number|subject|crn)\}/g, (_m, key: string) =>
    String({ name: customer.name, number: ticket.number, subject: ticket.subject, crn: customer.crn }[key]))
  const sender = inboxAddressesOf(inbox)[0]!
  const now = deps.clock.now().toISOString()
  const outbound = await ensureOutbound(deps.db, {
    message_id: `ack-${raw.id}`, account_id: raw.account_id, inbox_id: inbox.id, ticket_id: ticket.id, kind: 'ack',
    rfc_message_id: `ack.${raw.id}@${sender.split('@')[1]}`, to_address: customer.email, status: 'queued', created_at: now, updated_at: now,
  })
  if (outbound.status !== 'queued') return
  const original = raw.message_id_header
  const failure = await sendViaRelay(settings.smtp, { from: sender, to: customer.email }, composeEmail({
    from: { name: settings.fromName ?? inbox.name, address: sender }, to: { name: customer.name, address: customer.email },
    replyTo: replyAddressFor(sender, inbox.secret, Number(ticket.number)), subject: fill(template.subject), text: fill(template.body),
    messageId: outbound.rfc_message_id, inReplyTo: original, references: original ? [original] : [], date: deps.clock.now(),
    charset: settings.charset, autoSubmitted: 'auto-replied',
  }))
  const at = deps.clock.now().toISOString()
  if (!failure) return updateOutbound(deps.db, outbound.message_id, { status: 'sent', sent_at: at, attempts: outbound.attempts + 1, updated_at: at })
  const final = failure.permanent || context.attempt >= context.maxAttempts
  await updateOutbound(deps.db, outbound.message_id, { attempts: outbound.attempts + 1, last_error: failure.reason, updated_at: at, ...(final ? { status: 'failed', failed_at: at } : {}) })
  if (!final) throw new Error(`temporary SMTP failure: ${failure.reason}`)
}
