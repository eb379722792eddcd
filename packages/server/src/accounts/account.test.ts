import { describe, expect, it } from 'vitest'
import { startAuthTestApp } from '../auth/auth-test-helpers.ts'
import { testDialects } from '../test/dialects.ts'

describe.each(testDialects())('account settings on %s', (dialect) => {
  it('shows the account to everyone signed in and lets admins change it, audited', async () => {
    const { app, deps, account } = await startAuthTestApp(dialect)
    const shown = await app.inject({ url: '/api/v1/account', headers: account.partner.headers })
    expect(shown.json()).toEqual({
      id: account.accountId, name: 'Test Co', defaultLocale: 'ja', timeZone: 'Asia/Tokyo', createdAt: expect.any(String),
      helpCenter: { host: null, email: null, phone: null, hours: { ja: null, en: null } },
    })

    const patch = (payload: object) => app.inject({ method: 'PATCH', url: '/api/v1/account', headers: account.admin.headers, payload })
    const changed = await patch({ name: '窓口商事株式会社', defaultLocale: 'en', timeZone: 'Europe/London' })
    expect(changed.json()).toMatchObject({ name: '窓口商事株式会社', defaultLocale: 'en', timeZone: 'Europe/London' })
    for (const bad of [{ timeZone: 'Nowhere/Land' }, { defaultLocale: 'ko' }, { name: '' }, { nextTicketNumber: 1 }, { helpCenter: { host: 'https://help.example.jp/' } }, { helpCenter: { host: 'help.example.jp:8080' } }, { helpCenter: { phone: '03\n1234' } }]) {
      expect((await patch(bad)).statusCode, JSON.stringify(bad)).toBe(422)
    }
    expect((await app.inject({ url: '/api/v1/me', headers: account.agent.headers })).json().accountName).toBe('窓口商事株式会社')

    const audit = await deps.db.selectFrom('audit_log').selectAll().execute()
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ action: 'account.updated', actor_id: account.admin.id, target_id: account.accountId })
    expect(JSON.parse(audit[0]!.details).changes).toEqual({
      name: { from: 'Test Co', to: '窓口商事株式会社' },
      defaultLocale: { from: 'ja', to: 'en' },
      timeZone: { from: 'Asia/Tokyo', to: 'Europe/London' },
    })
  })
})
