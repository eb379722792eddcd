import { describe, expect, it } from 'vitest'
import { testDialects } from '../../test/dialects.ts'
import { startTestApp } from '../../test/test-app.ts'
import { createInboxVia, postRawEmail } from './email-test-helpers.ts'
import { rawMessage } from './test-messages.ts'

describe.each(testDialects())('inboxes API on %s', (dialect) => {
  it('lets admins create and change inboxes, shows them to agents without passwords', async () => {
    const { app, account } = await startTestApp(dialect)
    const payload = { name: 'サポート', channel: 'email', addresses: ['Support@Shop.example'], settings: { fromName: 'ショップ サポート', smtp: { host: 'smtp.example', port: 587, user: 'u', password: 'hunter2' } } }
    expect((await app.inject({ method: 'POST', url: '/api/v1/inboxes', headers: account.agent.headers, payload })).statusCode).toBe(403)
    const created = await app.inject({ method: 'POST', url: '/api/v1/inboxes', headers: account.admin.headers, payload })
    expect(created.statusCode).toBe(201)
    const inbox = created.json()
    expect(inbox).toMatchObject({ name: 'サポート', channel: 'email', addresses: ['support@shop.example'], active: true, settings: { charset: 'utf-8', throttlePerMinute: 20, smtp: { host: 'smtp.example', passwordSet: true } } })
    expect(created.body).not.toContain('hunter2')

    const taken = await app.inject({ method: 'POST', url: '/api/v1/inboxes', headers: account.admin.headers, payload: { ...payload, addresses: ['support@shop.example'] } })
    expect(taken.statusCode).toBe(409)
    expect(taken.json().error).toMatchObject({ code: 'inbox.address_taken', details: { addresses: ['support@shop.example'] } })
    expect((await app.inject({ method: 'POST', url: '/api/v1/inboxes', headers: account.admin.headers, payload: { ...payload, bogus: 1 } })).statusCode).toBe(422)
    expect((await app.inject({ method: 'POST', url: '/api/v1/inboxes', headers: account.admin.headers, payload: { ...payload, channel: 'line' } })).statusCode).toBe(422)

    const patched = await app.inject({ method: 'PATCH', url: `/api/v1/inboxes/${inbox.id}`, headers: account.admin.headers, payload: { addresses: ['help@shop.example', 'support@shop.example'], settings: { charset: 'iso-2022-jp', smtp: { host: 'smtp2.example' } } } })
    expect(patched.statusCode).toBe(200)
    expect(patched.json()).toMatchObject({ addresses: ['help@shop.example', 'support@shop.example'], settings: { charset: 'iso-2022-jp', smtp: { host: 'smtp2.example', passwordSet: true } } })
    const list = await app.inject({ url: '/api/v1/inboxes', headers: account.agent.headers })
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual([inbox.id])
    expect((await app.inject({ url: '/api/v1/inboxes/00000000-0000-7000-8000-000000000000', headers: account.agent.headers })).statusCode).toBe(404)
  })

  it('serves attachments as downloads with an RFC 5987 name, nosniff, never inline HTML', async () => {
    const { app, account } = await startTestApp(dialect)
    const inbox = await createInboxVia(app, account)
    const body = ['--b', 'Content-Type: text/plain; charset=utf-8', '', '見積書を送ります', '--b',
      'Content-Type: text/html; name="page.html"', "Content-Disposition: attachment; filename*=UTF-8''%E8%A6%8B%E7%A9%8D.html", '', '<script>alert(1)</script>', '--b--', ''].join('\r\n')
    const result = await postRawEmail(app, account, inbox.id, rawMessage(['From: Taro <taro@example.jp>', 'To: support@shop.example', 'Subject: quote', 'Message-ID: <att1@example.jp>', 'Content-Type: multipart/mixed; boundary=b'], body))
    expect(result.outcome).toBe('ticket_created')
    const messages = await app.inject({ url: `/api/v1/tickets/${result.ticketId}/messages`, headers: account.agent.headers })
    const attachment = messages.json().items[0].metadata.attachments[0]
    expect(attachment).toMatchObject({ filename: '見積.html', contentType: 'text/html', size: 25 })
    const res = await app.inject({ url: `/api/v1/attachments/${attachment.id}?inline=1`, headers: account.agent.headers })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/octet-stream')
    expect(res.headers['content-disposition']).toBe(`attachment; filename="__.html"; filename*=UTF-8''%E8%A6%8B%E7%A9%8D.html`)
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.body).toBe('<script>alert(1)</script>')
    expect((await app.inject({ url: `/api/v1/attachments/${attachment.id}` })).statusCode).toBe(401)
  })
})
