import { describe, expect, it } from 'vitest'
import type { KbArticlePage, KbArticleView, KbDiffView, KbRevisionView } from '@madoguchi/shared'
import { testDialects } from '../test/dialects.ts'
import { startTestApp } from '../test/test-app.ts'
import { makeArticle, makeCategory } from './kb-test-helpers.ts'

describe.each(testDialects())('knowledge base API on %s', (dialect) => {
  it('creates categories with sections; a section cannot have sections', async () => {
    const { app, account } = await startTestApp(dialect)
    const orders = await makeCategory(app, account)
    const returns = await makeCategory(app, account, '返品', 'Returns', orders)
    const nested = await app.inject({ method: 'POST', url: '/api/v1/kb/categories', headers: account.agent.headers, payload: { nameJa: 'x', nameEn: 'x', parentId: returns } })
    expect(nested.statusCode).toBe(422)
    expect(nested.json().error.code).toBe('kb.category_invalid_parent')
    const list = await app.inject({ url: '/api/v1/kb/categories', headers: account.partner.headers })
    expect(list.json().categories).toEqual([expect.objectContaining({ id: orders, nameJa: '注文', sections: [expect.objectContaining({ id: returns, nameEn: 'Returns' })] })])
    const partnerWrite = await app.inject({ method: 'POST', url: '/api/v1/kb/categories', headers: account.partner.headers, payload: { nameJa: 'x', nameEn: 'x' } })
    expect(partnerWrite.statusCode).toBe(403)
  })

  it('keeps ja and en translations of one article, drafts apart from the published revision', async () => {
    const { app, account } = await startTestApp(dialect)
    const categoryId = await makeCategory(app, account)
    const article = await makeArticle(app, account, { categoryId, ja: { title: '返品の方法', body: '# 返品\n\n**30日以内**に。' }, publish: false, tags: ['Returns', 'returns'] })
    expect(article.tags).toEqual(['returns'])
    expect(article.translations).toEqual([expect.objectContaining({ locale: 'ja', status: 'draft', revision: 1, publishedHtml: null })])

    const put = (locale: string, payload: object) => app.inject({ method: 'PUT', url: `/api/v1/kb/articles/${article.id}/translations/${locale}`, headers: account.agent.headers, payload })
    expect((await put('en', { title: 'How to return', body: 'Within **30 days**.', publish: true })).statusCode).toBe(200)
    const published = await app.inject({ method: 'POST', url: `/api/v1/kb/articles/${article.id}/translations/ja/publish`, headers: account.agent.headers })
    const ja = published.json<KbArticleView>().translations.find((t) => t.locale === 'ja')!
    expect(ja).toMatchObject({ status: 'published', publishedRevision: 1, publishedTitle: '返品の方法' })
    expect(ja.publishedHtml).toContain('<strong>30日以内</strong>')

    // A draft over a published translation leaves the published revision live.
    const draft = (await put('ja', { title: '返品の方法（改訂）', body: '新しい本文' })).json<KbArticleView>().translations.find((t) => t.locale === 'ja')!
    expect(draft).toMatchObject({ status: 'changed', revision: 2, publishedRevision: 1, publishedTitle: '返品の方法', title: '返品の方法（改訂）' })

    const got = await app.inject({ url: `/api/v1/kb/articles/${article.id}`, headers: account.partner.headers })
    expect(got.json<KbArticleView>().translations.map((t) => [t.locale, t.status])).toEqual([['ja', 'changed'], ['en', 'published']])
    expect((await put('fr', { title: 'x', body: 'y' })).statusCode).toBe(404)
    expect((await app.inject({ url: '/api/v1/kb/articles/not-an-id', headers: account.agent.headers })).statusCode).toBe(404)
  })

  it('records every save as a revision, diffs two of them by line and restores an old one as a new revision', async () => {
    const { app, account } = await startTestApp(dialect)
    const categoryId = await makeCategory(app, account)
    const article = await makeArticle(app, account, { categoryId, en: { title: 'Refunds', body: 'line one\nline two\nline three' } })
    const url = `/api/v1/kb/articles/${article.id}/translations/en`
    await app.inject({ method: 'PUT', url, headers: account.agent.headers, payload: { title: 'Refunds v2', body: 'line one\nline 2\nline three\nline four' } })

    const revisions = (await app.inject({ url: `${url}/revisions`, headers: account.agent.headers })).json<{ revisions: KbRevisionView[] }>().revisions
    expect(revisions.map((r) => [r.number, r.title])).toEqual([[2, 'Refunds v2'], [1, 'Refunds']])

    const diff = (await app.inject({ url: `${url}/diff?from=1&to=2`, headers: account.agent.headers })).json<KbDiffView>()
    expect(diff.title).toEqual({ from: 'Refunds', to: 'Refunds v2' })
    expect(diff.lines).toEqual([
      { kind: 'same', text: 'line one' },
      { kind: 'removed', text: 'line two' },
      { kind: 'added', text: 'line 2' },
      { kind: 'same', text: 'line three' },
      { kind: 'added', text: 'line four' },
    ])
    expect((await app.inject({ url: `${url}/diff?from=1&to=9`, headers: account.agent.headers })).json().error.code).toBe('kb.revision_not_found')

    const restored = await app.inject({ method: 'POST', url: `${url}/revisions/1/restore`, headers: account.agent.headers })
    const en = restored.json<KbArticleView>().translations[0]!
    // The translation was live, so the restored content is live too, as revision 3.
    expect(en).toMatchObject({ revision: 3, status: 'published', title: 'Refunds', body: 'line one\nline two\nline three', publishedTitle: 'Refunds' })
    const after = (await app.inject({ url: `${url}/revisions`, headers: account.agent.headers })).json<{ revisions: KbRevisionView[] }>().revisions
    expect(after[0]).toMatchObject({ number: 3, restoredFrom: 1, authorId: account.agent.id })
    expect((await app.inject({ method: 'POST', url: `${url}/revisions/abc/restore`, headers: account.agent.headers })).statusCode).toBe(404)
  })

  it('filters the list by category (sections included), visibility, FAQ flag and tag, a page at a time', async () => {
    const { app, account } = await startTestApp(dialect)
    const orders = await makeCategory(app, account)
    const section = await makeCategory(app, account, '配送', 'Shipping', orders)
    const other = await makeCategory(app, account, 'アカウント', 'Account')
    const a = await makeArticle(app, account, { categoryId: section, en: { title: 'Track a parcel', body: 'x' }, isFaq: true, tags: ['shipping'] })
    const b = await makeArticle(app, account, { categoryId: orders, en: { title: 'Cancel an order', body: 'x' }, visibility: 'internal', tags: ['100%_off'] })
    await makeArticle(app, account, { categoryId: other, en: { title: 'Reset password', body: 'x' } })
    const ids = async (query: string) => (await app.inject({ url: `/api/v1/kb/articles?${query}`, headers: account.agent.headers })).json<KbArticlePage>().articles.map((x) => x.id)
    expect(await ids(`categoryId=${orders}`)).toEqual([b.id, a.id])
    expect(await ids('visibility=internal')).toEqual([b.id])
    expect(await ids('faq=true')).toEqual([a.id])
    expect(await ids('tag=Shipping')).toEqual([a.id])
    expect(await ids(`tag=${encodeURIComponent('100%_off')}`)).toEqual([b.id])
    expect(await ids(`tag=${encodeURIComponent('%')}`)).toEqual([])
    const first = (await app.inject({ url: '/api/v1/kb/articles?limit=2', headers: account.agent.headers })).json<KbArticlePage>()
    const second = (await app.inject({ url: `/api/v1/kb/articles?limit=2&cursor=${first.nextCursor}`, headers: account.agent.headers })).json<KbArticlePage>()
    expect([...first.articles, ...second.articles].map((x) => x.id)).toEqual([...new Set([...first.articles, ...second.articles].map((x) => x.id))])
    expect(second.articles).toHaveLength(1)
    expect(second.nextCursor).toBeNull()
  })

  it('links related articles of the same account only', async () => {
    const { app, account } = await startTestApp(dialect)
    const categoryId = await makeCategory(app, account)
    const a = await makeArticle(app, account, { categoryId, en: { title: 'A', body: 'a' } })
    const b = await makeArticle(app, account, { categoryId, en: { title: 'B', body: 'b' } })
    const patch = (payload: object) => app.inject({ method: 'PATCH', url: `/api/v1/kb/articles/${a.id}`, headers: account.agent.headers, payload })
    expect((await patch({ relatedIds: [b.id, b.id], isFaq: true })).json()).toMatchObject({ relatedIds: [b.id], isFaq: true })
    expect((await patch({ relatedIds: [a.id] })).json().error.code).toBe('kb.related_not_found')
    expect((await patch({ relatedIds: ['0190e0e0-0000-7000-8000-000000000000'] })).statusCode).toBe(422)
    expect((await patch({ nonsense: 1 })).statusCode).toBe(422)
  })

  it('renders Markdown without raw HTML or script links (XSS)', async () => {
    const { app, account } = await startTestApp(dialect)
    const categoryId = await makeCategory(app, account)
    const body = '<script>alert(1)</script>\n\n[click](javascript:alert(1)) <img src=x onerror=alert(1)>\n\n![i](https://example.com/a.png)'
    const article = await makeArticle(app, account, { categoryId, en: { title: '<b>Title</b>', body } })
    const html = article.translations[0]!.publishedHtml!
    expect(html).not.toMatch(/<script|href="javascript|<img[^>]*onerror/i)
    expect(html).toContain('&lt;script&gt;')
    expect(html).toContain('<img src="https://example.com/a.png" alt="i" />')
    const preview = await app.inject({ method: 'POST', url: '/api/v1/kb/preview', headers: account.partner.headers, payload: { body: '*hi* <i>x</i>' } })
    expect(preview.json().html).toBe('<p><em>hi</em> &lt;i&gt;x&lt;/i&gt;</p>\n')
  })
})

describe.each(testDialects())('knowledge base deletion and roles on %s', (dialect) => {
  it('deletes an article everywhere (search, related lists); partners read but cannot write', async () => {
    const { app, account } = await startTestApp(dialect)
    const categoryId = await makeCategory(app, account)
    const a = await makeArticle(app, account, { categoryId, en: { title: 'Gift wrapping', body: 'We wrap gifts.' } })
    const b = await makeArticle(app, account, { categoryId, en: { title: 'Gift cards', body: 'x' } })
    await app.inject({ method: 'PATCH', url: `/api/v1/kb/articles/${b.id}`, headers: account.agent.headers, payload: { relatedIds: [a.id] } })
    const headers = account.partner.headers
    expect((await app.inject({ url: `/api/v1/kb/articles/${a.id}`, headers })).statusCode).toBe(200)
    expect((await app.inject({ method: 'PUT', url: `/api/v1/kb/articles/${a.id}/translations/en`, headers, payload: { title: 'x', body: 'y' } })).statusCode).toBe(403)
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/kb/articles/${a.id}`, headers })).statusCode).toBe(403)

    expect((await app.inject({ method: 'DELETE', url: `/api/v1/kb/articles/${a.id}`, headers: account.supervisor.headers })).statusCode).toBe(204)
    expect((await app.inject({ url: `/api/v1/kb/articles/${a.id}`, headers })).statusCode).toBe(404)
    expect((await app.inject({ url: `/api/v1/kb/articles/${b.id}`, headers })).json().relatedIds).toEqual([])
    const found = await app.inject({ url: '/api/v1/search?q=wrap&type=article', headers: account.agent.headers })
    expect(found.json().results).toEqual([])
    expect((await app.inject(`/help/en/articles/${a.id}`)).statusCode).toBe(404)
  })
})
