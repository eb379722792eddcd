import { describe, expect, it } from 'vitest'
import { testDialects } from '../test/dialects.ts'
import { startTestApp } from '../test/test-app.ts'
import { makeArticle, makeCategory } from '../knowledge/kb-test-helpers.ts'
import { formTokenOf, postForm } from './help-test-helpers.ts'

describe.each(testDialects())('help center pages on %s', (dialect) => {
  it('serves a home page per language with categories, FAQ, popular articles, hreflang and landmarks', async () => {
    const { app, account } = await startTestApp(dialect)
    const orders = await makeCategory(app, account, '注文・配送', 'Orders & shipping')
    await makeArticle(app, account, { categoryId: orders, ja: { title: '返品の方法', body: '本文' }, en: { title: 'How to return', body: 'Body' }, isFaq: true })
    await makeArticle(app, account, { categoryId: orders, ja: { title: '社内手順', body: '内部' }, visibility: 'internal' })
    await makeArticle(app, account, { categoryId: orders, ja: { title: '下書き記事', body: 'x' }, publish: false })

    expect((await app.inject({ url: '/help', headers: { 'accept-language': 'en-US,en;q=0.9' } })).headers.location).toBe('/help/en')
    expect((await app.inject({ url: '/help', headers: { 'accept-language': 'ja,en;q=0.5' } })).headers.location).toBe('/help/ja')

    const ja = await app.inject('/help/ja')
    expect(ja.statusCode).toBe(200)
    expect(ja.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(ja.headers['content-security-policy']).toContain("default-src 'none'")
    const page = ja.body
    expect(page).toMatch(/^<!doctype html><html lang="ja">/)
    expect(page).toContain('<title>ホーム | Test Co ヘルプセンター</title>')
    expect(page).toContain('<link rel="alternate" hreflang="en" href="http://localhost:3000/help/en">')
    expect(page).toMatch(/<main id="main">[\s\S]*<\/main>/)
    expect(page).toContain('<form class="search" role="search" action="/help/ja/search" method="get">')
    expect(page).toContain('<label for="q" class="sr">')
    expect(page).toContain(`<a href="/help/ja/categories/${orders}">注文・配送</a>`)
    expect(page).toContain('返品の方法')
    expect(page).toContain('<a class="contact-link" href="/help/ja/contact">お問い合わせ</a>')
    expect(page).not.toContain('社内手順')
    expect(page).not.toContain('下書き記事')
    expect(page).not.toContain('<script')

    const en = (await app.inject('/help/en')).body
    expect(en).toContain('<html lang="en">')
    expect(en).toContain('How to return')
    expect(en).toContain('Orders &amp; shipping')
    expect((await app.inject('/help/fr')).statusCode).toBe(404)
    const unknown = await app.inject('/help/en/no/such/page')
    expect(unknown.statusCode).toBe(404)
    expect(unknown.body).toContain('<h1>Page not found</h1>')
  })

  it('shows an article with translations as alternates, counts views, hides drafts and the internal wiki', async () => {
    const { app, account } = await startTestApp(dialect)
    const orders = await makeCategory(app, account)
    const section = await makeCategory(app, account, '返品', 'Returns', orders)
    const related = await makeArticle(app, account, { categoryId: section, ja: { title: '返金について', body: '返金は5営業日以内。' } })
    const article = await makeArticle(app, account, { categoryId: section, ja: { title: '返品の方法', body: '## 手順\n\n1. 箱に入れる' }, en: { title: 'Returning an item', body: 'Steps' } })
    await app.inject({ method: 'PATCH', url: `/api/v1/kb/articles/${article.id}`, headers: account.agent.headers, payload: { relatedIds: [related.id] } })
    const wiki = await makeArticle(app, account, { categoryId: orders, ja: { title: '社内', body: 'x' }, visibility: 'internal' })
    const draft = await makeArticle(app, account, { categoryId: orders, ja: { title: '下書き', body: 'x' }, publish: false })

    const res = await app.inject(`/help/ja/articles/${article.id}`)
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('<title>返品の方法 | Test Co ヘルプセンター</title>')
    expect(res.body).toContain('<h2>手順</h2>')
    expect(res.body).toContain(`<link rel="alternate" hreflang="en" href="http://localhost:3000/help/en/articles/${article.id}">`)
    expect(res.body).toContain(`<a href="/help/ja/categories/${orders}">注文</a>`)
    expect(res.body).toContain(`<a href="/help/ja/articles/${related.id}">返金について</a>`)
    expect(res.body).toContain('この記事は役に立ちましたか？')
    await app.inject(`/help/en/articles/${article.id}`)
    const views = (await app.inject({ url: `/api/v1/kb/articles/${article.id}`, headers: account.agent.headers })).json().translations
    expect(views.map((t: { viewCount: number }) => t.viewCount)).toEqual([1, 1])

    const category = (await app.inject(`/help/en/categories/${orders}`)).body
    expect(category).toContain('<h2 id="s-')
    expect(category).toContain('Returning an item')
    for (const id of [wiki.id, draft.id]) expect((await app.inject(`/help/ja/articles/${id}`)).statusCode).toBe(404)
    expect((await app.inject(`/help/en/articles/${related.id}`)).statusCode).toBe(404)
    expect((await app.inject('/help/ja/articles/../../api')).statusCode).toBe(404)
  })

  it('takes "Was this helpful?" answers; a "no" comment reaches the author through the KB API', async () => {
    const { app, account } = await startTestApp(dialect)
    const categoryId = await makeCategory(app, account)
    const article = await makeArticle(app, account, { categoryId, en: { title: 'Refunds', body: 'x' } })
    const url = `/help/en/articles/${article.id}`
    const token = formTokenOf((await app.inject(url)).body)
    const yes = await postForm(app, `${url}/feedback`, { token, helpful: 'yes', comment: '' })
    expect(yes.statusCode).toBe(303)
    expect(yes.headers.location).toBe(`${url}?feedback=thanks#h-fb`)
    expect((await app.inject(`${url}?feedback=thanks`)).body).toContain('Thank you for your feedback.')
    await postForm(app, `${url}/feedback`, { token, helpful: 'no', comment: 'It does not say <script>alert(1)</script> how long it takes' })
    // Without a valid token, from a bot (honeypot), or cross-site: nothing is stored.
    await postForm(app, `${url}/feedback`, { token: 'forged', helpful: 'no', comment: 'spam' })
    await postForm(app, `${url}/feedback`, { token, helpful: 'no', comment: 'spam', website: 'http://spam' })
    await postForm(app, `${url}/feedback`, { token, helpful: 'no', comment: 'spam' }, { origin: 'https://evil.example' })

    const feedback = (await app.inject({ url: `/api/v1/kb/articles/${article.id}/feedback`, headers: account.agent.headers })).json().feedback
    expect(feedback).toEqual([
      expect.objectContaining({ helpful: false, locale: 'en', comment: 'It does not say <script>alert(1)</script> how long it takes' }),
      expect.objectContaining({ helpful: true, comment: null }),
    ])
    const counts = (await app.inject({ url: `/api/v1/kb/articles/${article.id}`, headers: account.agent.headers })).json().translations[0]
    expect(counts).toMatchObject({ helpfulCount: 1, notHelpfulCount: 1 })
  })

  it('escapes article titles and strips scripts from bodies on every page (XSS)', async () => {
    const { app, account } = await startTestApp(dialect)
    const categoryId = await makeCategory(app, account, '<img src=x onerror=alert(1)>', '<b>cat</b>')
    const article = await makeArticle(app, account, {
      categoryId, en: { title: '<script>alert("t")</script> Refund', body: 'Refund <script>alert("b")</script>\n\n<a href="javascript:alert(1)">x</a> [y](javascript:alert(2))' },
    })
    for (const url of ['/help/en', `/help/en/articles/${article.id}`, `/help/en/categories/${categoryId}`, '/help/en/search?q=refund', `/help/en/search?q=${encodeURIComponent('"><script>alert(1)</script>')}`]) {
      const body = (await app.inject(url)).body
      expect(body, url).not.toMatch(/<script|<img src=x|<a [^>]*href="javascript|<b>cat/i)
    }
    expect((await app.inject(`/help/en/articles/${article.id}`)).body).toContain('&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt; Refund')
  })

  it('lists every published public page in sitemap.xml with language alternates', async () => {
    const { app, account } = await startTestApp(dialect)
    const categoryId = await makeCategory(app, account)
    const article = await makeArticle(app, account, { categoryId, ja: { title: 'あ', body: 'x' }, en: { title: 'A', body: 'x' } })
    const wiki = await makeArticle(app, account, { categoryId, en: { title: 'W', body: 'x' }, visibility: 'internal' })
    const res = await app.inject('/help/sitemap.xml')
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8')
    expect(res.body).toContain(`<loc>http://localhost:3000/help/ja/articles/${article.id}</loc>`)
    expect(res.body).toContain(`<xhtml:link rel="alternate" hreflang="en" href="http://localhost:3000/help/en/articles/${article.id}"/>`)
    expect(res.body).toContain(`<loc>http://localhost:3000/help/en/categories/${categoryId}</loc>`)
    expect(res.body).not.toContain(wiki.id)
  })
})
