import type { KbArticleView, KbCategoryView, KbLocale, KbTranslationView } from './kb-api.ts'

/** The translation to show in lists: the agent's language when it exists, else the first. */
export function displayTranslation(article: KbArticleView, uiLanguage: string): KbTranslationView | undefined {
  return article.translations.find((t) => t.locale === uiLanguage) ?? article.translations[0]
}

export function categoryName(category: { nameJa: string; nameEn: string }, uiLanguage: string): string {
  return uiLanguage === 'ja' ? category.nameJa : category.nameEn
}

/** Categories and sections flattened for a <select>: "Orders", "Orders › Returns". */
export function categoryOptions(categories: readonly KbCategoryView[], uiLanguage: string): { id: string; label: string }[] {
  return categories.flatMap((c) => [
    { id: c.id, label: categoryName(c, uiLanguage) },
    ...c.sections.map((s) => ({ id: s.id, label: `${categoryName(c, uiLanguage)} › ${categoryName(s, uiLanguage)}` })),
  ])
}

export const otherLocale = (locale: KbLocale): KbLocale => (locale === 'ja' ? 'en' : 'ja')
