import { describe, expect, it } from 'vitest'
import { testDialects } from '../test/dialects.ts'
import { seedTestAccount } from '../test/fixtures.ts'
import { startTestApp } from '../test/test-app.ts'

describe.each(testDialects())('one help center per company on %s', (dialect) => {
  it('serves each account’s help center on its own host, the first account elsewhere, and keeps hosts unique', async () => {
    const { app, deps, account: first } = await startTestApp(dialect)
    const second = await seedTestAccount(deps, '窓口電機株式会社')
    const patch = (headers: { authorization: string }, helpCenter: object) => app.inject({ method: 'PATCH', url: '/api/v1/account', headers, payload: { helpCenter } })

    const set = await patch(second.admin.headers, { host: 'Help.Denki.Example', email: 'support@denki.example', phone: '0120-123-456', hours: { ja: '平日 9:00〜17:00', en: 'Weekdays 9:00–17:00' } })
    expect(set.statusCode, set.body).toBe(200)
    expect(set.json().helpCenter).toEqual({ host: 'help.denki.example', email: 'support@denki.example', phone: '0120-123-456', hours: { ja: '平日 9:00〜17:00', en: 'Weekdays 9:00–17:00' } })

    const own = await app.inject({ url: '/help/ja/contact', headers: { host: 'help.denki.example:3000' } })
    expect(own.body).toContain('窓口電機株式会社')
    expect(own.body).toContain('<a href="mailto:support@denki.example">support@denki.example</a>')
    expect(own.body).toContain('平日 9:00〜17:00')
    const elsewhere = await app.inject({ url: '/help/ja/contact', headers: { host: 'localhost:3000' } })
    expect(elsewhere.body).toContain('Test Co')
    expect(elsewhere.body).not.toContain('support@denki.example')

    // A form sent on the company's host becomes that company's ticket.
    const token = /name="token" value="([^"]+)"/.exec(own.body)![1]!
    const sent = await app.inject({
      method: 'POST', url: '/help/ja/contact', headers: { host: 'help.denki.example', 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ name: '佐藤', email: 'sato@example.jp', subject: '保証について', message: '保証期間を教えてください。', token, website: '' }).toString(),
    })
    expect(sent.statusCode, sent.body).toBe(200)
    expect((await app.inject({ url: '/api/v1/tickets', headers: second.agent.headers })).json().items.map((t: { subject: string }) => t.subject)).toEqual(['保証について'])
    expect((await app.inject({ url: '/api/v1/tickets', headers: first.agent.headers })).json().items).toEqual([])

    const taken = await patch(first.admin.headers, { host: 'help.denki.example' })
    expect(taken.statusCode).toBe(409)
    expect(taken.json().error.code).toBe('account.help_center_host_taken')
    // Only admins change it.
    expect((await patch(second.supervisor.headers, { host: 'x.example' })).statusCode).toBe(403)
    // Clearing the host hands the name back.
    expect((await patch(second.admin.headers, { host: null })).json().helpCenter.host).toBeNull()
    expect((await patch(first.admin.headers, { host: 'help.denki.example' })).statusCode).toBe(200)
  })
})
