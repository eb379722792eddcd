import type { FastifyInstance } from 'fastify'
import type { KbArticleView } from '@madoguchi/shared'
import type { TestAccount } from '../test/fixtures.ts'

/** A category through the API (staff), returning its id. */
export async function makeCategory(app: FastifyInstance, account: TestAccount, nameJa = '注文', nameEn = 'Orders', parentId?: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/kb/categories', headers: account.agent.headers, payload: { nameJa, nameEn, parentId } })
  if (res.statusCode !== 201) throw new Error(`category: ${res.statusCode} ${res.body}`)

  return res.json<{ id: string }>().id
}

export interface ArticleSpec {
  categoryId: string
  ja?: { title: string; body: string }
  en?: { title: string; body: string }
  publish?: boolean
  visibility?: 'public' | 'customers' | 'internal'
  isFaq?: boolean
  tags?: string[]
}

export async function makeArticle(app: FastifyInstance, account: TestAccount, spec: ArticleSpec): Promise<KbArticleView> {
  const publish = spec.publish ?? true
  const translations = {
    ...(spec.ja ? { ja: { ...spec.ja, publish } } : {}),
    ...(spec.en ? { en: { ...spec.en, publish } } : {}),
  }
  const res = await app.inject({
    method: 'POST', url: '/api/v1/kb/articles', headers: account.agent.headers,
    payload: { categoryId: spec.categoryId, visibility: spec.visibility ?? 'public', isFaq: spec.isFaq ?? false, tags: spec.tags ?? [], translations },
  })
  if (res.statusCode !== 201) throw new Error(`article: ${res.statusCode} ${res.body}`)

  return res.json<KbArticleView>()
}
