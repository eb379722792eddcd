import { describe, expect, it } from 'vitest'
import type { KbArticlePage } from '@madoguchi/shared'
import { testDialects } from '../test/dialects.ts'
import { startTestApp } from '../test/test-app.ts'
import { makeArticle, makeCategory } from './kb-test-helpers.ts'

describe.each(testDialects())('listing KB articles with filters on %s', (dialect) => {
  it('filters by status, language and words (drafts included), combined with the other filters', async () => {
    const { app, account } = await startTestApp(dialect)
    const categoryId = await makeCategory(app, account)
    const jaLive = await makeArticle(app, account, { categoryId, ja: { title: '返品の方法', body: '到着後30日以内に返品できます。' }, tags: ['returns'] })
    const jaDraft = await makeArticle(app, account, { categoryId, ja: { title: '返金の目安', body: 'カード返金は 5 営業日。' }, publish: false })
    const enLive = await makeArticle(app, account, { categoryId, en: { title: 'Password Reset', body: 'Use the 100% secure_link.' }, visibility: 'internal' })
    const both = await makeArticle(app, account, { categoryId, ja: { title: '配送について', body: '配送は翌日。' }, en: { title: 'Shipping', body: 'Next day.' }, publish: false })
    await app.inject({ method: 'POST', url: `/api/v1/kb/articles/${both.id}/translations/en/publish`, headers: account.agent.headers })

    const list = async (params: string, as = account.partner.headers) => {
      const res = await app.inject({ url: `/api/v1/kb/articles?${params}`, headers: as })
      expect(res.statusCode, res.body).toBe(200)

      return res.json<KbArticlePage>().articles.map((a) => a.id)
    }
    expect(await list('status=published')).toEqual([both.id, enLive.id, jaLive.id])
    expect(await list('status=draft')).toEqual([both.id, jaDraft.id])
    // Both conditions on the same translation: "both" has a ja draft, not a ja live one.
    expect(await list('status=published&locale=ja')).toEqual([jaLive.id])
    expect(await list('status=draft&locale=en')).toEqual([])
    expect(await list('locale=en')).toEqual([both.id, enLive.id])
    expect(await list(`q=${encodeURIComponent('返金')}`)).toEqual([jaDraft.id])
    // Case-insensitive; every word must match, in the title or the body; LIKE wildcards are literal.
    expect(await list('q=password+SECURE_LINK')).toEqual([enLive.id])
    expect(await list('q=100%25')).toEqual([enLive.id])
    expect(await list('q=10_%25')).toEqual([])
    expect(await list('q=password+shipping')).toEqual([])
    expect(await list(`q=${encodeURIComponent('返品')}&tag=returns&status=published&visibility=public`)).toEqual([jaLive.id])
    expect(await list('visibility=internal&locale=en&q=reset')).toEqual([enLive.id])

    expect((await app.inject({ url: '/api/v1/kb/articles?status=live', headers: account.agent.headers })).statusCode).toBe(422)
    expect((await app.inject({ url: '/api/v1/kb/articles?locale=fr', headers: account.agent.headers })).statusCode).toBe(422)
    expect((await app.inject({ url: '/api/v1/kb/articles?status=draft' })).statusCode).toBe(401)
  })
})
