import { describe, expect, it } from 'vitest'
import type { MessageView } from '@madoguchi/shared'
import { testDialects } from '../../test/dialects.ts'
import { startTestApp } from '../../test/test-app.ts'
import { createInboxVia, postRawEmail } from './email-test-helpers.ts'
import { rawMessage } from './test-messages.ts'

/** 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')

/** A reply in HTML with an inline (cid:) logo, a script, and the quoted history below. */
function htmlReply(): Buffer {
  const text = 'お世話になっております。\n返品の件、承知しました。\n\n2026年11月26日(木) 10:00 窓口 <support@shop.example>:\n> ご注文ありがとうございます。\n'
  const html = '<div>お世話になっております。<br>返品の件、<b>承知しました</b>。<img src="cid:logo@shop"><script>alert(1)</script><img src="https://tracker.example/p.gif" onerror="alert(2)"></div>'
    + '<blockquote>ご注文ありがとうございます。</blockquote>'

  return rawMessage([
    'From: Yamada Taro <taro@example.jp>', 'To: support@shop.example', 'Subject: Re: 返品について', 'Message-ID: <html-reply@example.jp>',
    'Date: Fri, 27 Nov 2026 10:00:00 +0900', 'MIME-Version: 1.0', 'Content-Type: multipart/related; boundary="rel"',
  ], [
    '--rel', 'Content-Type: multipart/alternative; boundary="alt"', '',
    '--alt', 'Content-Type: text/plain; charset=UTF-8', 'Content-Transfer-Encoding: base64', '', Buffer.from(text).toString('base64'),
    '--alt', 'Content-Type: text/html; charset=UTF-8', 'Content-Transfer-Encoding: base64', '', Buffer.from(html).toString('base64'),
    '--alt--',
    '--rel', 'Content-Type: image/png; name="logo.png"', 'Content-ID: <logo@shop>', 'Content-Disposition: inline; filename="logo.png"', 'Content-Transfer-Encoding: base64', '', PNG.toString('base64'),
    '--rel--', '',
  ].join('\r\n'))
}

describe.each(testDialects())('an email\'s files and original on %s', (dialect) => {
  it('stores sanitized HTML with cid images pointing at the attachment, and the new part for folding', async () => {
    const { app, account } = await startTestApp(dialect)
    const inbox = await createInboxVia(app, account)
    const result = await postRawEmail(app, account, inbox.id, htmlReply())
    expect(result.outcome).toBe('ticket_created')
    const messages = (await app.inject({ url: `/api/v1/tickets/${result.ticketId}/messages`, headers: account.agent.headers })).json().items as MessageView[]
    const message = messages[0]!
    const email = message.metadata.email as { newPart: string; hasQuote: boolean }
    expect(email.newPart).toBe('お世話になっております。\n返品の件、承知しました。')
    expect(email.hasQuote).toBe(true)
    expect(message.html).not.toMatch(/script|onerror|tracker\.example|alert/)
    const src = /<img src="(\/api\/v1\/attachments\/[0-9a-f-]{36}\?inline=1)"/.exec(message.html ?? '')?.[1]
    expect(src, message.html ?? '').toBeDefined()
    const image = await app.inject({ url: src!, headers: account.agent.headers })
    expect(image.statusCode).toBe(200)
    expect(image.headers['content-type']).toBe('image/png')
    expect(image.rawPayload.equals(PNG)).toBe(true)
  })

  it('hides the original and the attachments of a restricted ticket like the ticket itself', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const inbox = await createInboxVia(app, account)
    const result = await postRawEmail(app, account, inbox.id, htmlReply())
    const raw = await deps.db.selectFrom('raw_emails').select('id').where('ticket_id', '=', result.ticketId!).executeTakeFirstOrThrow()
    const attachment = await deps.db.selectFrom('attachments').select('id').where('ticket_id', '=', result.ticketId!).executeTakeFirstOrThrow()
    const urls = [`/api/v1/raw-emails/${raw.id}`, `/api/v1/attachments/${attachment.id}`]
    for (const url of urls) expect((await app.inject({ url, headers: account.agent.headers })).statusCode, url).toBe(200)

    // Restricted to the partner team (a threat): the agent's team no longer sees it.
    await deps.db.insertInto('ticket_restrictions').values({ ticket_id: result.ticketId!, account_id: account.accountId, team_id: account.partnerTeamId, reason: 'threat', created_at: new Date().toISOString() }).execute()
    for (const url of urls) {
      const hidden = await app.inject({ url, headers: account.agent.headers })
      expect(hidden.statusCode, url).toBe(404)
      expect(hidden.json().error.code).toBe('attachment.not_found')
      expect((await app.inject({ url, headers: account.supervisor.headers })).statusCode, url).toBe(200)
    }
    expect((await app.inject({ url: `/api/v1/tickets/${result.ticketId}`, headers: account.agent.headers })).statusCode).toBe(404)
  })
})
