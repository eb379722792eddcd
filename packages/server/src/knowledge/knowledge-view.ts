import type { KbArticleView, KbCategoryView, KbRevisionView, KbTranslationView } from '@madoguchi/shared'
import { KB_LOCALES } from '@madoguchi/shared'
import { parseJson } from '../db/json.ts'
import type { KbArticleGroupRow, KbArticleRevisionRow, KbArticleRow, KbCategoryRow } from './knowledge.table.ts'

export function toKbCategoryView(row: KbCategoryRow, sections: readonly KbCategoryRow[]): KbCategoryView {
  return {
    id: row.id,
    parentId: row.parent_id,
    nameJa: row.name_ja,
    nameEn: row.name_en,
    descriptionJa: row.description_ja,
    descriptionEn: row.description_en,
    position: row.position,
    sections: sections.map((s) => ({ id: s.id, nameJa: s.name_ja, nameEn: s.name_en, position: s.position })),
  }
}

export function translationStatus(row: Pick<KbArticleRow, 'revision' | 'published_revision'>): KbTranslationView['status'] {
  if (row.published_revision === null) return 'draft'

  return row.published_revision === row.revision ? 'published' : 'changed'
}

export function toKbTranslationView(row: KbArticleRow): KbTranslationView {
  return {
    id: row.id,
    locale: row.locale,
    title: row.title,
    body: row.body,
    revision: row.revision,
    status: translationStatus(row),
    publishedRevision: row.published_revision,
    publishedTitle: row.published_title,
    publishedHtml: row.published_html,
    publishedAt: row.published_at,
    viewCount: Number(row.view_count),
    helpfulCount: Number(row.helpful_count),
    notHelpfulCount: Number(row.not_helpful_count),
    updatedAt: row.updated_at,
  }
}

export function toKbArticleView(group: KbArticleGroupRow, translations: readonly KbArticleRow[]): KbArticleView {
  return {
    id: group.id,
    categoryId: group.category_id,
    visibility: group.visibility,
    isFaq: group.is_faq === 1,
    tags: parseJson<string[]>(group.tags, []),
    relatedIds: parseJson<string[]>(group.related_ids, []),
    translations: [...translations].sort((a, b) => KB_LOCALES.indexOf(a.locale) - KB_LOCALES.indexOf(b.locale)).map(toKbTranslationView),
    createdAt: group.created_at,
    updatedAt: group.updated_at,
  }
}

export function toKbRevisionView(row: KbArticleRevisionRow): KbRevisionView {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    body: row.body,
    authorId: row.author_id,
    restoredFrom: row.restored_from,
    createdAt: row.created_at,
  }
}
