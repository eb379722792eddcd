import { describe, expect, it } from 'vitest'
import { testDialects } from '../test/dialects.ts'
import { startTestApp } from '../test/test-app.ts'
import { issueFormToken } from './form-token.ts'
import { formTokenOf, postForm } from './help-test-helpers.ts'

const fields = { name: '山田 花子', email: 'hanako@example.jp', subject: '返品について', message: '届いた商品が壊れていました。<script>alert(1)</script>' }

describe.each(testDialects())('help center contact form on %s', (dialect) => {
  it('shows channels and opening hours, and turns a submission into a web_form ticket whose number is confirmed', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    await deps.db.updateTable('accounts').set({ settings: JSON.stringify({ helpCenter: { email: 'support@example.jp', phone: '03-1234-5678', hours: { ja: '毎日 10:00〜17:00' } } }) })
      .where('id', '=', account.accountId).execute()
    const form = await app.inject('/help/ja/contact')
    expect(form.headers['cache-control']).toBe('no-store')
    expect(form.body).toContain('<a href="mailto:support@example.jp">support@example.jp</a>')
    expect(form.body).toContain('<a href="tel:0312345678">03-1234-5678</a>')
    expect(form.body).toContain('毎日 10:00〜17:00')
    expect((await app.inject('/help/en/contact')).body).toContain('Weekdays 9:00–18:00 JST')
    expect(form.body).toContain('<label for="c-email">メールアドレス <span class="meta">(必須)</span></label>')

    const res = await postForm(app, '/help/ja/contact', { ...fields, token: formTokenOf(form.body), website: '' })
    expect(res.statusCode).toBe(200)
    const number = /<strong class="ticket-number">#(\d+)<\/strong>/.exec(res.body)?.[1]
    expect(number).toBeDefined()
    const ticket = await app.inject({ url: `/api/v1/tickets/by-number/${number}`, headers: account.agent.headers })
    expect(ticket.json()).toMatchObject({ subject: '返品について', channel: 'web_form', tags: ['help-center'], customer: expect.objectContaining({ displayName: '山田 花子' }) })
    const messages = await app.inject({ url: `/api/v1/tickets/${number}/messages`, headers: account.agent.headers })
    expect(messages.json().items[0].body).toBe(fields.message)
  })

  it('drops a submission that fills the honeypot, without a ticket', async () => {
    const { app, account } = await startTestApp(dialect)
    const token = formTokenOf((await app.inject('/help/en/contact')).body)
    const res = await postForm(app, '/help/en/contact', { ...fields, token, website: 'http://spam.example' })
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('We have received your message')
    expect(res.body).not.toContain('ticket-number')
    expect((await app.inject({ url: '/api/v1/tickets', headers: account.agent.headers })).json().items).toEqual([])
  })

  it('refuses forged, expired or cross-site posts, and shows field errors with the input kept and escaped', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const token = formTokenOf((await app.inject('/help/en/contact')).body)
    const forged = await postForm(app, '/help/en/contact', { ...fields, token: `${Date.now()}.${'A'.repeat(43)}` })
    expect(forged.statusCode).toBe(403)
    expect(forged.body).toContain('This form has expired')
    expect((await postForm(app, '/help/en/contact', { ...fields })).statusCode).toBe(403)
    expect((await postForm(app, '/help/en/contact', { ...fields, token }, { origin: 'https://evil.example' })).statusCode).toBe(403)
    // A genuine token, issued three hours ago: expired.
    const old = await issueFormToken({ db: deps.db, clock: { now: () => new Date(Date.now() - 3 * 60 * 60 * 1000) } }, account.accountId, 'contact')
    expect((await postForm(app, '/help/en/contact', { ...fields, token: old })).statusCode).toBe(403)

    const fresh = formTokenOf((await app.inject('/help/en/contact')).body)
    const invalid = await postForm(app, '/help/en/contact', { name: '"><script>x</script>', email: 'not-an-email', subject: 's', message: '', token: fresh })
    expect(invalid.statusCode).toBe(422)
    expect(invalid.body).toContain('Please enter a valid email address.')
    expect(invalid.body).toContain('Please enter your message.')
    expect(invalid.body).toContain('value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"')
    expect(invalid.body).toContain('aria-invalid="true"')
    const long = await postForm(app, '/help/en/contact', { ...fields, message: 'x'.repeat(5001), token: fresh })
    expect(long.statusCode).toBe(422)
    expect(long.body).toContain('This is too long.')
    expect((await app.inject({ url: '/api/v1/tickets', headers: account.agent.headers })).json().items).toEqual([])
  })

  it('limits submissions per IP address', async () => {
    const { app } = await startTestApp(dialect)
    const token = formTokenOf((await app.inject('/help/ja/contact')).body)
    const statuses: number[] = []
    for (let i = 0; i < 11; i++) statuses.push((await postForm(app, '/help/ja/contact', { ...fields, token })).statusCode)
    expect(statuses).toEqual([...Array<number>(10).fill(200), 429])
    const limited = await postForm(app, '/help/ja/contact', { ...fields, token })
    expect(limited.statusCode).toBe(429)
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
    expect(limited.body).toContain('しばらくしてから再度お試しください')
    const other = await postForm(app, '/help/ja/contact', { ...fields, token }, { 'x-forwarded-for': '203.0.113.9' })
    // Without trustProxy the forwarded address is ignored: the same client is still limited.
    expect(other.statusCode).toBe(429)
  })
})
