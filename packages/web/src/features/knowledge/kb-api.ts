/**
 * Knowledge-base endpoints (issue 6). Types come from the shared zod schemas as
 * type-only imports, so no schema code reaches the browser bundle.
 */
import type {
  CreateKbArticleInput, KbArticlePage, KbImageView, KbArticleView, KbCategoryView, KbDiffView, KbLocale, KbRevisionView, KbSuggestion,
  KbTranslationView, KbVisibility, TranslationInput, UpdateKbArticleInput,
} from '@madoguchi/shared'
// `request` for PUT: the shared client has no `put` helper, and this saves an edit to a file every helper touches.
import { api, query, request } from '../../api/client.ts'

export type { KbArticleView, KbCategoryView, KbDiffView, KbLocale, KbRevisionView, KbSuggestion, KbTranslationView, KbVisibility }

// Runtime copies of the shared enumerations (importing them would pull zod in); `satisfies` catches drift.
export const KB_LOCALES = ['ja', 'en'] as const satisfies readonly KbLocale[]
export const KB_VISIBILITIES = ['public', 'customers', 'internal'] as const satisfies readonly KbVisibility[]

export interface KbFeedback { id: string; locale: KbLocale; helpful: boolean; comment: string | null; createdAt: string }

export interface KbListFilter {
  categoryId?: string
  status?: 'draft' | 'published'
  visibility?: KbVisibility
  locale?: KbLocale
  faq?: 'true' | 'false'
  tag?: string
  q?: string
}

const V1 = '/api/v1/kb'
const article = (id: string) => `${V1}/articles/${encodeURIComponent(id)}`
const translation = (id: string, locale: KbLocale) => `${article(id)}/translations/${locale}`

export const kb = {
  categories: () => api.get<{ categories: KbCategoryView[] }>(`${V1}/categories`).then((r) => r.categories),
  createCategory: (input: { nameJa: string; nameEn: string; parentId?: string }) => api.post<KbCategoryView>(`${V1}/categories`, input),
  updateCategory: (id: string, patch: { nameJa?: string; nameEn?: string }) =>
    api.patch<KbCategoryView>(`${V1}/categories/${encodeURIComponent(id)}`, patch),
  list: (filter: KbListFilter, cursor?: string | null, signal?: AbortSignal) =>
    api.get<KbArticlePage>(`${V1}/articles${query({ ...filter, cursor, limit: 25 })}`, { signal }),
  get: (id: string) => api.get<KbArticleView>(article(id)),
  create: (input: CreateKbArticleInput) => api.post<KbArticleView>(`${V1}/articles`, input),
  update: (id: string, patch: UpdateKbArticleInput) => api.patch<KbArticleView>(article(id), patch),
  remove: (id: string) => api.delete<void>(article(id)),
  saveTranslation: (id: string, locale: KbLocale, input: TranslationInput) =>
    request<KbArticleView>('PUT', translation(id, locale), input),
  publish: (id: string, locale: KbLocale) => api.post<KbArticleView>(`${translation(id, locale)}/publish`),
  unpublish: (id: string, locale: KbLocale) => api.post<KbArticleView>(`${translation(id, locale)}/unpublish`),
  revisions: (id: string, locale: KbLocale) =>
    api.get<{ revisions: KbRevisionView[] }>(`${translation(id, locale)}/revisions`).then((r) => r.revisions),
  diff: (id: string, locale: KbLocale, from: number, to: number) => api.get<KbDiffView>(`${translation(id, locale)}/diff${query({ from, to })}`),
  restore: (id: string, locale: KbLocale, number: number) => api.post<KbArticleView>(`${translation(id, locale)}/revisions/${number}/restore`),
  feedback: (id: string) => api.get<{ feedback: KbFeedback[] }>(`${article(id)}/feedback`).then((r) => r.feedback),
  uploadImage: (file: File) => request<KbImageView>('POST', `${V1}/images${query({ filename: file.name })}`, file),
  preview: (body: string, signal?: AbortSignal) => api.post<{ html: string }>(`${V1}/preview`, { body }, { signal }),
  suggest: (ticketId: string) => api.get<{ suggestions: KbSuggestion[] }>(`${V1}/suggest${query({ ticketId })}`).then((r) => r.suggestions),
}
