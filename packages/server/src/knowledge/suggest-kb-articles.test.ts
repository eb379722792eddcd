import { describe, expect, it } from 'vitest'
import type { KbSuggestion } from '@madoguchi/shared'
import { testDialects } from '../test/dialects.ts'
import { startTestApp } from '../test/test-app.ts'
import { createTicketVia } from '../tickets/ticket-test-helpers.ts'
import { makeArticle, makeCategory } from './kb-test-helpers.ts'

describe.each(testDialects())('KB suggestions for a ticket on %s', (dialect) => {
  it('ranks published articles by overlap with the ticket text, at most five, drafts never', async () => {
    const { app, account } = await startTestApp(dialect)
    const categoryId = await makeCategory(app, account)
    const returns = await makeArticle(app, account, { categoryId, ja: { title: '返品の方法', body: '商品の返品は到着後30日以内に受け付けます。' } })
    await makeArticle(app, account, { categoryId, ja: { title: '配送状況の確認', body: '注文した商品の配送状況はマイページで確認できます。' } })
    const wiki = await makeArticle(app, account, { categoryId, ja: { title: '返品受付の社内手順', body: '返品の受付は倉庫チームへ。' }, visibility: 'internal' })
    await makeArticle(app, account, { categoryId, ja: { title: '返品（下書き）', body: '返品 返品 返品' }, publish: false })
    for (let i = 0; i < 5; i++) await makeArticle(app, account, { categoryId, ja: { title: `商品について ${i}`, body: '商品' } })
    await makeArticle(app, account, { categoryId, en: { title: 'Password reset', body: 'Reset your password.' } })

    const ticket = await createTicketVia(app, account.agent.headers, { subject: '商品を返品したい', message: { body: '届いた商品が壊れていたので返品したいです。' } })
    const res = await app.inject({ url: `/api/v1/kb/suggest?ticketId=${ticket.id}`, headers: account.partner.headers })
    // Partners only see their own teams' tickets: this one has no team, so 404.
    expect(res.statusCode).toBe(404)
    const mine = await app.inject({ url: `/api/v1/kb/suggest?ticketId=${ticket.number}`, headers: account.agent.headers })
    const suggestions = mine.json<{ suggestions: KbSuggestion[] }>().suggestions
    expect(suggestions).toHaveLength(5)
    expect(suggestions.slice(0, 2).map((s) => s.articleId).sort()).toEqual([returns.id, wiki.id].sort())
    expect(suggestions.map((s) => s.title)).not.toContain('返品（下書き）')
    expect(suggestions.map((s) => s.title)).not.toContain('Password reset')
    expect(suggestions.find((s) => s.articleId === returns.id)).toMatchObject({ locale: 'ja', helpCenterPath: `/help/ja/articles/${returns.id}` })
    expect(suggestions.find((s) => s.articleId === wiki.id)?.helpCenterPath).toBeNull()
    expect((await app.inject({ url: '/api/v1/kb/suggest?ticketId=nope', headers: account.agent.headers })).statusCode).toBe(404)
  })

  it('suggests an article once, in the customer\'s language with its public URL and published text; the wiki without a link', async () => {
    const { app, account, deps } = await startTestApp(dialect)
    const categoryId = await makeCategory(app, account)
    const returns = await makeArticle(app, account, {
      categoryId, ja: { title: '返品の方法', body: '返品は **30日以内** に。' }, en: { title: 'Returns (返品)', body: 'Returns within **30 days**.' },
    })
    // A newer draft of the English text is not what goes to the customer.
    await app.inject({ method: 'PUT', url: `/api/v1/kb/articles/${returns.id}/translations/en`, headers: account.agent.headers, payload: { title: 'Returns', body: 'DRAFT' } })
    const wiki = await makeArticle(app, account, { categoryId, ja: { title: '返品受付の社内手順', body: '倉庫チームへ。' }, visibility: 'internal' })

    const suggest = async (language: string) => {
      const ticket = await createTicketVia(app, account.agent.headers, {
        subject: '返品したい', customer: { email: `c-${language}@example.com`, name: 'Customer', language }, message: { body: '返品の方法を教えてください。' },
      })
      const res = await app.inject({ url: `/api/v1/kb/suggest?ticketId=${ticket.id}`, headers: account.agent.headers })
      expect(res.statusCode, res.body).toBe(200)

      return res.json<{ suggestions: KbSuggestion[] }>().suggestions
    }
    const base = deps.config.publicUrl.replace(/\/+$/, '')
    const english = await suggest('en-US')
    expect(english.map((s) => s.articleId).sort()).toEqual([returns.id, wiki.id].sort())
    expect(english.find((s) => s.articleId === returns.id)).toMatchObject({
      locale: 'en', title: 'Returns (返品)', visibility: 'public', text: 'Returns within **30 days**.',
      helpCenterPath: `/help/en/articles/${returns.id}`, helpCenterUrl: `${base}/help/en/articles/${returns.id}`,
    })
    expect(english.find((s) => s.articleId === wiki.id)).toMatchObject({ locale: 'ja', visibility: 'internal', helpCenterPath: null, helpCenterUrl: null, text: '倉庫チームへ。' })
    expect((await suggest('ja')).find((s) => s.articleId === returns.id)).toMatchObject({ locale: 'ja', title: '返品の方法', helpCenterUrl: `${base}/help/ja/articles/${returns.id}` })
    // A language without a translation keeps the one that matched.
    expect((await suggest('zh')).find((s) => s.articleId === returns.id)?.locale).toBe('ja')
  })
})
