import { describe, expect, it } from 'vitest'
import { testDialects } from '../test/dialects.ts'
import { startTestApp } from '../test/test-app.ts'
import { makeArticle, makeCategory } from './kb-test-helpers.ts'
import { reindexKbArticles } from './reindex-kb-articles.ts'
import { removeSearchDocument } from '../search/search-index.ts'

describe.each(testDialects())('reindexing KB articles on %s', (dialect) => {
  it('puts every published translation back into an emptied search index, drafts not', async () => {
    const { app, deps, account } = await startTestApp(dialect)
    const categoryId = await makeCategory(app, account)
    for (let i = 0; i < 5; i++) await makeArticle(app, account, { categoryId, en: { title: `Gift wrapping ${i}`, body: 'We **wrap** gifts.' } })
    await makeArticle(app, account, { categoryId, en: { title: 'Gift draft', body: 'wrap' }, publish: false })
    const search = async () => (await app.inject({ url: '/api/v1/search?q=wrap&type=article', headers: account.agent.headers })).json().results as { title: string }[]
    expect(await search()).toHaveLength(5)
    // As after a restore or an index rebuild: the articles are gone from the index.
    for (const { id } of await deps.db.selectFrom('kb_articles').select('id').execute()) await removeSearchDocument(deps.db, deps.dialect, account.accountId, 'article', id)
    expect(await search()).toHaveLength(0)

    expect(await reindexKbArticles(deps, account.accountId, 2)).toBe(5)
    const found = await search()
    expect(found.map((r) => r.title).sort()).toEqual([0, 1, 2, 3, 4].map((i) => `Gift wrapping ${i}`))
    // Running it again replaces, never duplicates.
    await reindexKbArticles(deps, account.accountId)
    expect(await search()).toHaveLength(5)
  })
})
