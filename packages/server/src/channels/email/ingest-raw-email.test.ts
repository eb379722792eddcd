import { describe, expect, it } from 'vitest'
import { testDialects } from '../../test/dialects.ts'
import { startTestApp } from '../../test/test-app.ts'
import { newId } from '../../lib/ids.ts'
import { createInboxVia, postRawEmail } from './email-test-helpers.ts'
import { customerMail, rawMessage } from './test-messages.ts'
import { replyAddressFor } from './thread-email.ts'

describe.each(testDialects())('ingesting raw email on %s', (dialect) => {
  it('opens a ticket for a new mail, stores it once, and threads replies by Message-ID, token and [#n]', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const inbox = await createInboxVia(app, account)
    const first = customerMail({ from: '山田 太郎 <Taro@Example.JP>', subject: '注文した商品が届きません', messageId: 'q1@example.jp', body: '注文番号 A-1 です。\n\n山田' })
    const created = await postRawEmail(app, account, inbox.id, first)
    expect(created).toMatchObject({ outcome: 'ticket_created' })
    const ticket = (await app.inject({ url: `/api/v1/tickets/${created.ticketId}`, headers: account.agent.headers })).json()
    expect(ticket).toMatchObject({ subject: '注文した商品が届きません', channel: 'email', customer: { displayName: '山田 太郎' } })

    expect(await postRawEmail(app, account, inbox.id, first)).toMatchObject({ outcome: 'duplicate', ticketId: created.ticketId, messageId: created.messageId })
    const raws = await deps.db.selectFrom('raw_emails').select(['outcome', 'sender']).execute()
    expect(raws).toEqual([{ outcome: 'ticket_created', sender: 'taro@example.jp' }])

    const byReference = customerMail({ from: 'taro@example.jp', subject: 'Re: 注文', messageId: 'q2@example.jp', extra: ['In-Reply-To: <q1@example.jp>'] })
    expect(await postRawEmail(app, account, inbox.id, byReference)).toMatchObject({ outcome: 'appended', ticketId: created.ticketId })

    const secret = (await deps.db.selectFrom('inboxes').select('secret').where('id', '=', inbox.id).executeTakeFirstOrThrow()).secret
    const byToken = customerMail({ from: 'someone-else@example.jp', to: replyAddressFor('support@shop.example', secret, ticket.number), subject: 'fwd', messageId: 'q3@example.jp' })
    expect(await postRawEmail(app, account, inbox.id, byToken)).toMatchObject({ outcome: 'appended', ticketId: created.ticketId })
    const forgedToken = customerMail({ from: 'x@example.jp', to: `support+t${ticket.number}kaaaaaaaa@shop.example`, subject: 'hi', messageId: 'q4@example.jp' })
    expect((await postRawEmail(app, account, inbox.id, forgedToken)).outcome).toBe('ticket_created')

    const bySubject = customerMail({ from: 'taro@example.jp', subject: `Re: [#${ticket.number}] 追加の質問`, messageId: 'q5@example.jp' })
    expect(await postRawEmail(app, account, inbox.id, bySubject)).toMatchObject({ outcome: 'appended', ticketId: created.ticketId })
    const strangerSubject = customerMail({ from: 'stranger@example.jp', subject: `[#${ticket.number}] hello`, messageId: 'q6@example.jp' })
    const stranger = await postRawEmail(app, account, inbox.id, strangerSubject)
    expect(stranger.outcome).toBe('ticket_created')
    expect(stranger.ticketId).not.toBe(created.ticketId)

    const messages = (await app.inject({ url: `/api/v1/tickets/${created.ticketId}/messages`, headers: account.agent.headers })).json().items
    expect(messages.map((m: { externalId: string }) => m.externalId)).toEqual(['q1@example.jp', 'q2@example.jp', 'q3@example.jp', 'q5@example.jp'])
    expect(messages[0].metadata.email).toMatchObject({ newPart: '注文番号 A-1 です。\n\n山田', from: { address: 'taro@example.jp', name: '山田 太郎' } })
  })

  it('keeps auto-replies without a ticket, refuses a sender over the per-minute limit, dedupes mail without Message-ID by content', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const inbox = await createInboxVia(app, account, ['support@shop.example'], { throttlePerMinute: 3 })
    const ooo = customerMail({ subject: '自動返信：不在のお知らせ', extra: ['Auto-Submitted: auto-replied'] })
    expect(await postRawEmail(app, account, inbox.id, ooo)).toMatchObject({ outcome: 'auto_reply', reason: 'auto-submitted' })
    expect(await deps.db.selectFrom('tickets').select('id').execute()).toHaveLength(0)

    const results = []
    for (let i = 0; i < 4; i++) results.push(await postRawEmail(app, account, inbox.id, customerMail({ from: 'flood@example.jp', messageId: `f${i}@example.jp` })))
    expect(results.map((r) => r.outcome)).toEqual(['ticket_created', 'ticket_created', 'ticket_created', 'refused'])
    expect(results[3]).toMatchObject({ reason: 'throttled' })

    const noId = rawMessage(['From: b@example.jp', 'To: support@shop.example', 'Subject: no id'], 'same bytes')
    expect((await postRawEmail(app, account, inbox.id, noId)).outcome).toBe('ticket_created')
    expect((await postRawEmail(app, account, inbox.id, noId)).outcome).toBe('duplicate')
    expect((await deps.db.selectFrom('raw_emails').select('id').execute()).length).toBe(6)
  })

  it("shows a mail's remote images only in an inbox that allows them", async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const strict = await createInboxVia(app, account, ['support@shop.example'])
    const open = await createInboxVia(app, account, ['news@shop.example'], { allowRemoteImages: true })
    const htmlMail = (to: string, id: string) => rawMessage([
      'From: taro@example.jp', `To: ${to}`, 'Subject: logo', `Message-ID: <${id}@example.jp>`, 'MIME-Version: 1.0', 'Content-Type: text/html; charset=UTF-8',
    ], '<p>ご確認ください<img src="https://cdn.example.jp/logo.png" alt="logo"></p>')
    const bodyOf = async (messageId: string | undefined) =>
      (await deps.db.selectFrom('messages').select('body_html').where('id', '=', messageId!).executeTakeFirstOrThrow()).body_html
    expect(await bodyOf((await postRawEmail(app, account, strict.id, htmlMail('support@shop.example', 'img1'))).messageId)).toBe('<p>ご確認ください</p>')
    expect(await bodyOf((await postRawEmail(app, account, open.id, htmlMail('news@shop.example', 'img2'))).messageId))
      .toBe('<p>ご確認ください<img src="https://cdn.example.jp/logo.png" alt="logo" /></p>')
  })

  it('applies a bounce to the outgoing mail it reports on: message failed, address bouncing, no ticket', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const inbox = await createInboxVia(app, account)
    const created = await postRawEmail(app, account, inbox.id, customerMail({ from: 'hanako@example.jp', messageId: 'h1@example.jp' }))
    const reply = await app.inject({ method: 'POST', url: `/api/v1/tickets/${created.ticketId}/messages`, headers: account.agent.headers, payload: { kind: 'reply', body: 'ご連絡ありがとうございます。' } })
    const replyId = reply.json().id
    // The sent state as the delivery job leaves it (sending is tested in send-email.test.ts).
    const now = new Date().toISOString()
    await deps.db.insertInto('email_outbound').values({
      message_id: replyId, account_id: account.accountId, inbox_id: inbox.id, ticket_id: created.ticketId!, kind: 'reply',
      rfc_message_id: 'r1@shop.example', to_address: 'hanako@example.jp', status: 'sent', created_at: now, updated_at: now,
    }).execute()
    const dsn = rawMessage(['From: MAILER-DAEMON@mx.example.jp', 'To: support@shop.example', 'Subject: Undelivered Mail Returned to Sender', `Message-ID: <${newId()}@mx>`,
      'Content-Type: multipart/report; report-type=delivery-status; boundary=r'], ['--r', 'Content-Type: text/plain', '', 'could not be delivered', '--r',
      'Content-Type: message/delivery-status', '', 'Reporting-MTA: dns; mx.example.jp', '', 'Final-Recipient: rfc822; hanako@example.jp', 'Action: failed', 'Status: 5.2.2',
      'Diagnostic-Code: smtp; 552 5.2.2 Mailbox full', '', '--r', 'Content-Type: text/rfc822-headers', '', 'Message-ID: <r1@shop.example>', '', '--r--', ''].join('\r\n'))
    const tickets = await deps.db.selectFrom('tickets').select('id').execute()
    expect(await postRawEmail(app, account, inbox.id, dsn)).toMatchObject({ outcome: 'bounce', ticketId: created.ticketId, messageId: replyId, reason: 'hanako@example.jp: 5.2.2 552 5.2.2 Mailbox full' })
    expect(await deps.db.selectFrom('tickets').select('id').execute()).toHaveLength(tickets.length)
    const messages = (await app.inject({ url: `/api/v1/tickets/${created.ticketId}/messages`, headers: account.agent.headers })).json().items
    expect(messages.find((m: { id: string }) => m.id === replyId)).toMatchObject({ deliveryStatus: 'failed', deliveryError: 'hanako@example.jp: 5.2.2 552 5.2.2 Mailbox full' })
    const contact = await deps.db.selectFrom('customer_contacts').select(['bouncing_at', 'bounce_reason']).where('value', '=', 'hanako@example.jp').executeTakeFirstOrThrow()
    expect(contact.bouncing_at).not.toBeNull()
    expect(contact.bounce_reason).toContain('Mailbox full')

    // Backscatter: a bounce about mail we never sent to this customer marks nothing.
    await postRawEmail(app, account, inbox.id, customerMail({ from: 'jiro@example.jp', messageId: 'j1@example.jp' }))
    const backscatter = rawMessage(['From: MAILER-DAEMON@mx.example.jp', 'Subject: Undelivered Mail Returned to Sender', `Message-ID: <${newId()}@mx>`,
      'Content-Type: multipart/report; report-type=delivery-status; boundary=r'], ['--r', 'Content-Type: message/delivery-status', '', 'Reporting-MTA: dns; mx',
      '', 'Final-Recipient: rfc822; jiro@example.jp', 'Action: failed', 'Status: 5.1.1', '', '--r--', ''].join('\r\n'))
    expect((await postRawEmail(app, account, inbox.id, backscatter)).outcome).toBe('bounce')
    const jiro = await deps.db.selectFrom('customer_contacts').select('bouncing_at').where('value', '=', 'jiro@example.jp').executeTakeFirstOrThrow()
    expect(jiro.bouncing_at).toBeNull()
  })

  it('answers 415 for other content types, 404 for another account’s inbox, 413 over the size limit', async () => {
    const { app, account } = await startTestApp(dialect)
    const inbox = await createInboxVia(app, account)
    const url = `/api/v1/inboxes/${inbox.id}/raw-email`
    expect((await app.inject({ method: 'POST', url, headers: { ...account.admin.headers, 'content-type': 'text/plain' }, payload: 'x' })).statusCode).toBe(415)
    expect((await app.inject({ method: 'POST', url, headers: { ...account.agent.headers, 'content-type': 'message/rfc822' }, payload: 'x' })).statusCode).toBe(403)
    const big = Buffer.alloc(36 * 1024 * 1024, 0x61)
    expect((await app.inject({ method: 'POST', url, headers: { ...account.admin.headers, 'content-type': 'message/rfc822' }, payload: big })).statusCode).toBe(413)
    const other = await startTestApp(dialect)
    const res = await other.app.inject({ method: 'POST', url, headers: { ...other.account.admin.headers, 'content-type': 'message/rfc822' }, payload: customerMail() })
    expect(res.statusCode).toBe(404)
  })
})
