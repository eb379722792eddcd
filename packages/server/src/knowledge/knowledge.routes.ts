import type { FastifyInstance } from 'fastify'
import {
  KB_IMAGE_MAX_BYTES, createKbArticleInput, createKbCategoryInput, kbDiffQuery, kbImageUploadQuery, kbLocale, kbPreviewInput, kbSuggestQuery, listKbArticlesQuery,
  translationInput, updateKbArticleInput, updateKbCategoryInput,
} from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import { principalOf } from '../http/principal.ts'
import { parseInput } from '../http/validate.ts'
import { AppError } from '../lib/app-error.ts'
import { createKbArticle } from './create-kb-article.ts'
import { deleteKbArticle } from './delete-kb-article.ts'
import { diffKbRevisions, listKbRevisions, restoreKbRevision } from './kb-revisions.ts'
import { uploadKbImage } from './kb-images.ts'
import { documentKnowledgeRoutes } from './knowledge.docs.ts'
import { createKbCategory, listKbCategories, updateKbCategory } from './manage-kb-categories.ts'
import { renderMarkdown } from './markdown.ts'
import { getKbArticle, listKbArticles, listKbFeedback } from './read-kb-articles.ts'
import { suggestKbArticles } from './suggest-kb-articles.ts'
import { putKbTranslation, setKbTranslationPublished, updateKbArticle } from './update-kb-article.ts'

interface IdParams { id: string }
interface TranslationParams { id: string; locale: string }

/** An unknown locale in the path names no translation: 404, like an unknown id. */
function localeOf(param: string) {
  const parsed = kbLocale.safeParse(param)
  if (!parsed.success) throw new AppError('kb.article_not_found')

  return parsed.data
}

/** Knowledge base: staff write, every agent (partners too) reads, the internal wiki included. */
export async function knowledgeRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  documentKnowledgeRoutes()

  app.get('/kb/categories', { config: { access: 'agent' } }, async (request) => ({ categories: await listKbCategories(deps, principalOf(request).accountId) }))
  app.post('/kb/categories', { config: { access: 'staff' } }, async (request, reply) => {
    return reply.status(201).send(await createKbCategory(deps, principalOf(request), parseInput(createKbCategoryInput, request.body)))
  })
  app.patch<{ Params: IdParams }>('/kb/categories/:id', { config: { access: 'staff' } }, async (request) => {
    return updateKbCategory(deps, principalOf(request), request.params.id, parseInput(updateKbCategoryInput, request.body))
  })

  app.get('/kb/articles', { config: { access: 'agent' } }, async (request) => listKbArticles(deps, principalOf(request), parseInput(listKbArticlesQuery, request.query)))
  app.post('/kb/articles', { config: { access: 'staff' } }, async (request, reply) => {
    return reply.status(201).send(await createKbArticle(deps, principalOf(request), parseInput(createKbArticleInput, request.body)))
  })
  app.get<{ Params: IdParams }>('/kb/articles/:id', { config: { access: 'agent' } }, async (request) => getKbArticle(deps, principalOf(request), request.params.id))
  app.patch<{ Params: IdParams }>('/kb/articles/:id', { config: { access: 'staff' } }, async (request) => {
    return updateKbArticle(deps, principalOf(request), request.params.id, parseInput(updateKbArticleInput, request.body))
  })
  app.delete<{ Params: IdParams }>('/kb/articles/:id', { config: { access: 'staff' } }, async (request, reply) => {
    await deleteKbArticle(deps, principalOf(request), request.params.id)

    return reply.status(204).send()
  })
  app.put<{ Params: TranslationParams }>('/kb/articles/:id/translations/:locale', { config: { access: 'staff' } }, async (request) => {
    const locale = localeOf(request.params.locale)

    return putKbTranslation(deps, principalOf(request), request.params.id, locale, parseInput(translationInput, request.body))
  })
  app.post<{ Params: TranslationParams }>('/kb/articles/:id/translations/:locale/publish', { config: { access: 'staff' } }, async (request) => {
    return setKbTranslationPublished(deps, principalOf(request), request.params.id, localeOf(request.params.locale), true)
  })
  app.post<{ Params: TranslationParams }>('/kb/articles/:id/translations/:locale/unpublish', { config: { access: 'staff' } }, async (request) => {
    return setKbTranslationPublished(deps, principalOf(request), request.params.id, localeOf(request.params.locale), false)
  })
  app.get<{ Params: TranslationParams }>('/kb/articles/:id/translations/:locale/revisions', { config: { access: 'agent' } }, async (request) => {
    return { revisions: await listKbRevisions(deps, principalOf(request), request.params.id, localeOf(request.params.locale)) }
  })
  app.get<{ Params: TranslationParams }>('/kb/articles/:id/translations/:locale/diff', { config: { access: 'agent' } }, async (request) => {
    const { from, to } = parseInput(kbDiffQuery, request.query)

    return diffKbRevisions(deps, principalOf(request), request.params.id, localeOf(request.params.locale), from, to)
  })
  app.post<{ Params: TranslationParams & { number: string } }>(
    '/kb/articles/:id/translations/:locale/revisions/:number/restore', { config: { access: 'staff' } }, async (request) => {
      const number = /^[0-9]{1,9}$/.test(request.params.number) ? Number(request.params.number) : 0
      if (number < 1) throw new AppError('kb.revision_not_found')

      return restoreKbRevision(deps, principalOf(request), request.params.id, localeOf(request.params.locale), number)
    },
  )
  app.get<{ Params: IdParams }>('/kb/articles/:id/feedback', { config: { access: 'agent' } }, async (request) => listKbFeedback(deps, principalOf(request), request.params.id))
  // Image bytes arrive raw (the browser sends the File as the body); only this route parses them.
  await app.register(async (scope) => {
    scope.addContentTypeParser(['image/png', 'image/jpeg', 'image/gif', 'image/webp'], { parseAs: 'buffer', bodyLimit: KB_IMAGE_MAX_BYTES }, (_request, body, done) => done(null, body))
    scope.post('/kb/images', { config: { access: 'staff' }, bodyLimit: KB_IMAGE_MAX_BYTES }, async (request, reply) => {
      const { filename } = parseInput(kbImageUploadQuery, request.query)
      if (!Buffer.isBuffer(request.body)) throw new AppError('request.unsupported_media_type')

      return reply.status(201).send(await uploadKbImage(deps, principalOf(request), request.body, filename))
    })
  })
  app.post('/kb/preview', { config: { access: 'agent' } }, async (request) => ({ html: renderMarkdown(parseInput(kbPreviewInput, request.body).body) }))
  app.get('/kb/suggest', { config: { access: 'agent' } }, async (request) => {
    const { ticketId } = parseInput(kbSuggestQuery, request.query)

    return { suggestions: await suggestKbArticles(deps, principalOf(request), ticketId) }
  })
}
