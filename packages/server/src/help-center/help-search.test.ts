import { describe, expect, it } from 'vitest'
import { testDialects } from '../test/dialects.ts'
import { startTestApp } from '../test/test-app.ts'
import { makeArticle, makeCategory } from '../knowledge/kb-test-helpers.ts'

describe.each(testDialects())('help center search on %s', (dialect) => {
  it('finds published public articles of the page language, with highlights, and nothing else', async () => {
    const { app, account } = await startTestApp(dialect)
    const categoryId = await makeCategory(app, account)
    const returns = await makeArticle(app, account, {
      categoryId, ja: { title: '返品の方法', body: '## 手順\n\n商品到着後**30日以内**であれば[返品](https://example.com/r)できます。<b>箱</b>も必要です。' }, en: { title: 'Returning an item', body: 'You can return an item within 30 days.' },
    })
    const wiki = await makeArticle(app, account, { categoryId, ja: { title: '返品受付の社内手順', body: '返品は倉庫へ' }, visibility: 'internal' })
    const draft = await makeArticle(app, account, { categoryId, ja: { title: '返品（下書き）', body: '返品' }, publish: false })
    const search = async (locale: string, q: string) => (await app.inject(`/help/${locale}/search?q=${encodeURIComponent(q)}`)).body

    const ja = await search('ja', '返品')
    expect(ja).toContain('<title>「返品」の検索結果 | Test Co ヘルプセンター</title>')
    expect(ja).toContain(`<a href="/help/ja/articles/${returns.id}">返品の方法</a>`)
    expect(ja).toContain('<mark>返品</mark>')
    expect(ja).toContain('&lt;b&gt;')
    // Snippets show the words, not the Markdown.
    expect(ja).not.toMatch(/\*\*|##|example\.com/)
    expect(ja).toContain('<meta name="robots" content="noindex">')
    expect(ja).toContain('value="返品"')
    for (const hidden of [wiki.id, draft.id]) expect(ja).not.toContain(hidden)

    // Full-width Latin is the same word after NFKC.
    const en = await search('en', 'ＲＥＴＵＲＮ')
    expect(en).toContain(`<a href="/help/en/articles/${returns.id}">Returning an item</a>`)
    expect(en).not.toContain('返品の方法')
    expect(await search('en', '返品')).toContain('No articles found.')
    expect(await search('ja', '')).not.toContain('見つかりませんでした')
  })

  it('takes an unpublished translation out of the results', async () => {
    const { app, account } = await startTestApp(dialect)
    const categoryId = await makeCategory(app, account)
    const article = await makeArticle(app, account, { categoryId, en: { title: 'Gift wrapping', body: 'We wrap gifts.' } })
    expect((await app.inject('/help/en/search?q=gift')).body).toContain('Gift wrapping')
    await app.inject({ method: 'POST', url: `/api/v1/kb/articles/${article.id}/translations/en/unpublish`, headers: account.agent.headers })
    expect((await app.inject('/help/en/search?q=gift')).body).toContain('No articles found.')
    await app.inject({ method: 'PATCH', url: `/api/v1/kb/articles/${article.id}`, headers: account.agent.headers, payload: { visibility: 'internal' } })
    await app.inject({ method: 'POST', url: `/api/v1/kb/articles/${article.id}/translations/en/publish`, headers: account.agent.headers })
    expect((await app.inject('/help/en/search?q=gift')).body).toContain('No articles found.')
    // Agents still find the internal article through the search API.
    const api = await app.inject({ url: '/api/v1/search?q=gift&type=article', headers: account.agent.headers })
    expect(api.json().results).toEqual([expect.objectContaining({ type: 'article', title: 'Gift wrapping' })])
  })
})
