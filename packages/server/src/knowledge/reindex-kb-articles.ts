import type { Deps } from '../deps.ts'
import { syncArticleSearch } from './article-search-index.ts'
import { markdownToText } from './markdown.ts'

/**
 * Puts every published translation of an account back into the search index (the
 * search service's reindex covers tickets and customers and leaves articles to us).
 * One transaction per batch, in id order; safe to run again at any time.
 */
export async function reindexKbArticles(deps: Deps, accountId: string, batchSize = 200): Promise<number> {
  let after = ''
  let total = 0
  for (;;) {
    const rows = await deps.db.selectFrom('kb_articles')
      .innerJoin('kb_article_groups', 'kb_article_groups.id', 'kb_articles.group_id')
      .innerJoin('kb_article_revisions', (join) => join
        .onRef('kb_article_revisions.article_id', '=', 'kb_articles.id')
        .onRef('kb_article_revisions.number', '=', 'kb_articles.published_revision'))
      .selectAll('kb_articles')
      .select(['kb_article_groups.visibility', 'kb_article_revisions.body as published_body'])
      .where('kb_articles.account_id', '=', accountId)
      .where('kb_articles.id', '>', after)
      .orderBy('kb_articles.id')
      .limit(batchSize)
      .execute()
    if (rows.length === 0) return total
    await deps.transact(async (trx) => {
      for (const { visibility, published_body: body, ...row } of rows) await syncArticleSearch(trx, deps.dialect, row, visibility, markdownToText(body))
    })
    total += rows.length
    after = rows.at(-1)!.id
  }
}
