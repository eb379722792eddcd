import { z } from 'zod'

/**
 * Knowledge base (issue 6). An article is a group of translations, one per locale
 * (ja, en); group-level settings (category, visibility, tags, FAQ, related) are
 * shared by its translations. Every save of a translation is a revision; a
 * translation is live in the help center once a revision of it is published.
 */

export const KB_LOCALES = ['ja', 'en'] as const
export type KbLocale = (typeof KB_LOCALES)[number]
export const kbLocale = z.enum(KB_LOCALES)

/** public: help center; customers: signed-in customers (not served yet); internal: the agents' wiki. */
export const KB_VISIBILITIES = ['public', 'customers', 'internal'] as const
export type KbVisibility = (typeof KB_VISIBILITIES)[number]

export const KB_LIMITS = {
  title: 200,
  body: 200_000,
  name: 100,
  description: 1_000,
  tags: 20,
  tagLength: 50,
  related: 10,
  pageSizeDefault: 25,
  pageSizeMax: 100,
} as const

const id = z.string().min(1).max(100)
const line = (max: number) => z.string().trim().min(1).max(max)
const tag = z.string().trim().min(1).max(KB_LIMITS.tagLength).transform((t) => t.normalize('NFKC').replace(/\s+/g, ' ').toLowerCase())

export const createKbCategoryInput = z
  .object({
    nameJa: line(KB_LIMITS.name),
    nameEn: line(KB_LIMITS.name),
    descriptionJa: z.string().trim().max(KB_LIMITS.description).optional(),
    descriptionEn: z.string().trim().max(KB_LIMITS.description).optional(),
    /** A category's id: this becomes a section of it (one level deep). */
    parentId: id.optional(),
    position: z.number().int().min(0).max(100_000).optional(),
  })
  .strict()
export type CreateKbCategoryInput = z.infer<typeof createKbCategoryInput>

export const updateKbCategoryInput = createKbCategoryInput.omit({ parentId: true }).partial().strict()
export type UpdateKbCategoryInput = z.infer<typeof updateKbCategoryInput>

export const kbCategoryView = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  nameJa: z.string(),
  nameEn: z.string(),
  descriptionJa: z.string(),
  descriptionEn: z.string(),
  position: z.number().int(),
  sections: z.array(z.object({ id: z.string(), nameJa: z.string(), nameEn: z.string(), position: z.number().int() })),
})
export type KbCategoryView = z.infer<typeof kbCategoryView>
export const kbCategoryList = z.object({ categories: z.array(kbCategoryView) })

export const translationInput = z
  .object({
    title: line(KB_LIMITS.title),
    /** Markdown; raw HTML in it is shown as text. */
    body: z.string().max(KB_LIMITS.body),
    /** Also publish this revision (default: save as a draft). */
    publish: z.boolean().optional(),
  })
  .strict()
export type TranslationInput = z.infer<typeof translationInput>

const groupSettings = {
  categoryId: id,
  visibility: z.enum(KB_VISIBILITIES),
  isFaq: z.boolean(),
  tags: z.array(tag).max(KB_LIMITS.tags),
  relatedIds: z.array(id).max(KB_LIMITS.related),
}

export const createKbArticleInput = z
  .object({
    ...groupSettings,
    visibility: groupSettings.visibility.default('public'),
    isFaq: groupSettings.isFaq.default(false),
    tags: groupSettings.tags.default([]),
    relatedIds: groupSettings.relatedIds.default([]),
    translations: z
      .object({ ja: translationInput.optional(), en: translationInput.optional() })
      .strict()
      .refine((t) => t.ja !== undefined || t.en !== undefined, { message: 'at least one translation (ja or en) is required' }),
  })
  .strict()
export type CreateKbArticleInput = z.infer<typeof createKbArticleInput>

export const updateKbArticleInput = z.object(groupSettings).partial().strict()
export type UpdateKbArticleInput = z.infer<typeof updateKbArticleInput>

export const kbTranslationView = z.object({
  id: z.string(),
  locale: kbLocale,
  /** The latest saved revision (the draft being edited). */
  title: z.string(),
  body: z.string(),
  revision: z.number().int(),
  /** draft: never published; published: the latest revision is live; changed: live, with newer unpublished edits. */
  status: z.enum(['draft', 'published', 'changed']),
  publishedRevision: z.number().int().nullable(),
  publishedTitle: z.string().nullable(),
  /** Sanitized HTML of the published revision. */
  publishedHtml: z.string().nullable(),
  publishedAt: z.string().nullable(),
  viewCount: z.number().int(),
  helpfulCount: z.number().int(),
  notHelpfulCount: z.number().int(),
  updatedAt: z.string(),
})
export type KbTranslationView = z.infer<typeof kbTranslationView>

export const kbArticleView = z.object({
  id: z.string(),
  categoryId: z.string(),
  visibility: z.enum(KB_VISIBILITIES),
  isFaq: z.boolean(),
  tags: z.array(z.string()),
  relatedIds: z.array(z.string()),
  translations: z.array(kbTranslationView),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type KbArticleView = z.infer<typeof kbArticleView>

export const listKbArticlesQuery = z
  .object({
    categoryId: id.optional(),
    visibility: z.enum(KB_VISIBILITIES).optional(),
    faq: z.enum(['true', 'false']).optional(),
    tag: z.string().max(KB_LIMITS.tagLength).optional(),
    /** published: has a live translation; draft: has a translation never published (with `locale`: that translation). */
    status: z.enum(['draft', 'published']).optional(),
    /** Has a translation in this language. */
    locale: kbLocale.optional(),
    /** Words in the latest title or body, drafts included (case-insensitive substring; every word must match). */
    q: z.string().trim().max(200).optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(KB_LIMITS.pageSizeMax).default(KB_LIMITS.pageSizeDefault),
  })
  .strict()
export type ListKbArticlesQuery = z.infer<typeof listKbArticlesQuery>
export const kbArticlePage = z.object({ articles: z.array(kbArticleView), nextCursor: z.string().nullable() })
export type KbArticlePage = z.infer<typeof kbArticlePage>

export const kbRevisionView = z.object({
  id: z.string(),
  number: z.number().int(),
  title: z.string(),
  body: z.string(),
  authorId: z.string().nullable(),
  /** Set on a restore: the revision whose content this one copies. */
  restoredFrom: z.number().int().nullable(),
  createdAt: z.string(),
})
export type KbRevisionView = z.infer<typeof kbRevisionView>
export const kbRevisionList = z.object({ revisions: z.array(kbRevisionView) })

export const kbDiffQuery = z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }).strict()
export const kbDiffView = z.object({
  from: z.number().int(),
  to: z.number().int(),
  title: z.object({ from: z.string(), to: z.string() }),
  /** Line diff of the Markdown: `same`, `added` (only in `to`), `removed` (only in `from`). */
  lines: z.array(z.object({ kind: z.enum(['same', 'added', 'removed']), text: z.string() })),
})
export type KbDiffView = z.infer<typeof kbDiffView>

export const kbFeedbackView = z.object({
  id: z.string(),
  locale: kbLocale,
  helpful: z.boolean(),
  comment: z.string().nullable(),
  createdAt: z.string(),
})
export const kbFeedbackList = z.object({ feedback: z.array(kbFeedbackView) })

/** `POST /kb/images`: the raw bytes as the body (Content-Type image/png|jpeg|gif|webp), the name in the query. */
export const KB_IMAGE_MAX_BYTES = 5 * 1024 * 1024
export const kbImageUploadQuery = z.object({ filename: z.string().trim().max(200).optional() }).strict()
export const kbImageView = z.object({
  id: z.string(),
  /** Where the help center serves it (public, whatever the article's visibility): use it in the Markdown. */
  url: z.string(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
})
export type KbImageView = z.infer<typeof kbImageView>

export const kbPreviewInput = z.object({ body: z.string().max(KB_LIMITS.body) }).strict()
export const kbPreviewView = z.object({ html: z.string() })

export const kbSuggestQuery = z.object({ ticketId: id }).strict()
export const kbSuggestion = z.object({
  articleId: z.string(),
  translationId: z.string(),
  /** The customer's language when the article is published in it, else the language that matched. */
  locale: kbLocale,
  title: z.string(),
  visibility: z.enum(KB_VISIBILITIES),
  /** Path of the help center page (public articles only; null for others). */
  helpCenterPath: z.string().nullable(),
  /** The same page as an absolute URL (the install's public URL), ready to paste into a reply. */
  helpCenterUrl: z.string().nullable(),
  /** The published revision's Markdown, for inserting into a reply. */
  text: z.string(),
  score: z.number(),
})
export const kbSuggestList = z.object({ suggestions: z.array(kbSuggestion) })
export type KbSuggestion = z.infer<typeof kbSuggestion>
