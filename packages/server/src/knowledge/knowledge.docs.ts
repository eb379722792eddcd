import { z } from 'zod'
import {
  createKbArticleInput, createKbCategoryInput, kbArticlePage, kbArticleView, kbCategoryList, kbCategoryView, kbDiffQuery, kbDiffView,
  kbFeedbackList, kbImageUploadQuery, kbImageView, kbLocale, kbPreviewInput, kbPreviewView, kbRevisionList, kbSuggestList, kbSuggestQuery, listKbArticlesQuery,
  translationInput, updateKbArticleInput, updateKbCategoryInput,
} from '@madoguchi/shared'
import type { RouteDoc } from '../http/openapi-registry.ts'
import { documentRoute } from '../http/openapi-registry.ts'

const tags = ['Knowledge base']
const articleId = z.object({ id: z.string().describe('Article id (the group of its translations)') })
const translation = articleId.extend({ locale: kbLocale })
const notFound = ['kb.article_not_found'] as const

const DOCS: RouteDoc[] = [
  { method: 'GET', path: '/kb/categories', tags, access: 'agent', response: kbCategoryList, summary: 'Categories in order, each with its sections' },
  { method: 'POST', path: '/kb/categories', tags, access: 'staff', body: createKbCategoryInput, response: kbCategoryView, status: 201, summary: 'Create a category, or a section of one (`parentId`)', errors: ['kb.category_not_found', 'kb.category_invalid_parent'] },
  { method: 'PATCH', path: '/kb/categories/:id', tags, access: 'staff', body: updateKbCategoryInput, response: kbCategoryView, summary: 'Rename, describe or reorder a category or section', errors: ['kb.category_not_found'] },
  {
    method: 'GET', path: '/kb/articles', tags, access: 'agent', query: listKbArticlesQuery, response: kbArticlePage,
    summary: 'Articles, newest first, a page at a time', description: '`categoryId` includes the category\'s sections. Every visibility is listed (agents read the internal wiki too). `status`, `locale` and `q` apply to one translation together (`status=published&locale=ja`: a live ja translation); `q` matches every word in the latest title or body, drafts included.',
  },
  {
    method: 'POST', path: '/kb/articles', tags, access: 'staff', body: createKbArticleInput, response: kbArticleView, status: 201,
    summary: 'Create an article with its ja and/or en translation (revision 1; `publish: true` makes it live)',
    errors: ['kb.category_not_found', 'kb.related_not_found'],
  },
  { method: 'GET', path: '/kb/articles/:id', tags, access: 'agent', params: articleId, response: kbArticleView, summary: 'An article with every translation (draft and published state, counts)', errors: [...notFound] },
  {
    method: 'PATCH', path: '/kb/articles/:id', tags, access: 'staff', params: articleId, body: updateKbArticleInput, response: kbArticleView,
    summary: 'Change category, visibility (public / customers / internal), FAQ flag, tags or related articles', errors: [...notFound, 'kb.category_not_found', 'kb.related_not_found'],
  },
  {
    method: 'DELETE', path: '/kb/articles/:id', tags, access: 'staff', params: articleId, status: 204,
    summary: 'Delete an article with its translations, revisions and feedback', description: 'It leaves search and other articles\' related lists. To hide an article but keep its history, unpublish it.', errors: [...notFound],
  },
  {
    method: 'PUT', path: '/kb/articles/:id/translations/:locale', tags, access: 'staff', params: translation, body: translationInput, response: kbArticleView,
    summary: 'Save a new revision of one translation (created on its first save); a draft unless `publish: true`',
    description: 'A draft saved over a published translation leaves the published revision live (status `changed`) until it is published.', errors: [...notFound],
  },
  { method: 'POST', path: '/kb/articles/:id/translations/:locale/publish', tags, access: 'staff', params: translation, response: kbArticleView, summary: 'Publish the latest revision', errors: [...notFound] },
  { method: 'POST', path: '/kb/articles/:id/translations/:locale/unpublish', tags, access: 'staff', params: translation, response: kbArticleView, summary: 'Take the translation off the help center and search', errors: [...notFound] },
  { method: 'GET', path: '/kb/articles/:id/translations/:locale/revisions', tags, access: 'agent', params: translation, response: kbRevisionList, summary: 'Every saved revision, newest first', errors: [...notFound] },
  { method: 'GET', path: '/kb/articles/:id/translations/:locale/diff', tags, access: 'agent', params: translation, query: kbDiffQuery, response: kbDiffView, summary: 'Line diff of two revisions\' Markdown', errors: [...notFound, 'kb.revision_not_found'] },
  {
    method: 'POST', path: '/kb/articles/:id/translations/:locale/revisions/:number/restore', tags, access: 'staff',
    params: translation.extend({ number: z.string().describe('Revision number') }), response: kbArticleView,
    summary: 'Save an old revision\'s content as a new revision (published if the translation was live)', errors: [...notFound, 'kb.revision_not_found'],
  },
  { method: 'GET', path: '/kb/articles/:id/feedback', tags, access: 'agent', params: articleId, response: kbFeedbackList, summary: '"Was this helpful?" answers and comments from the help center, newest first', errors: [...notFound] },
  {
    method: 'POST', path: '/kb/images', tags, access: 'staff', query: kbImageUploadQuery, response: kbImageView, status: 201,
    summary: 'Upload an image for articles: the raw bytes as the body, Content-Type image/png, image/jpeg, image/gif or image/webp, at most 5 MB',
    description: 'The bytes must be what the type says (checked); SVG is refused. The image is public at `url` (/help/images/:id), whatever the visibility of the articles that use it.',
    errors: ['kb.image_invalid', 'request.unsupported_media_type', 'request.payload_too_large'],
  },
  { method: 'POST', path: '/kb/preview', tags, access: 'agent', body: kbPreviewInput, response: kbPreviewView, summary: 'Render Markdown as the help center will (sanitized HTML)' },
  {
    method: 'GET', path: '/kb/suggest', tags, access: 'agent', query: kbSuggestQuery, response: kbSuggestList,
    summary: 'The five published articles most relevant to a ticket (subject and messages)', errors: ['ticket.not_found'],
    description: 'Each article once, in the customer\'s language when it is published in it. `text` is the published Markdown (to insert into a reply); `helpCenterUrl` is null unless the article is public (internal and signed-in-customer articles have no page a customer can open).',
  },
]

export function documentKnowledgeRoutes(): void {
  for (const doc of DOCS) documentRoute(doc)
}
