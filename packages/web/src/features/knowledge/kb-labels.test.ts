import { describe, expect, it } from 'vitest'
import { parseTags } from './kb-drafts.ts'
import { categoryOptions, displayTranslation, otherLocale } from './kb-labels.ts'
import type { KbArticleView, KbTranslationView } from './kb-api.ts'

const translation = (locale: 'ja' | 'en', title: string) => ({ locale, title }) as KbTranslationView
const article = (...translations: KbTranslationView[]) => ({ translations }) as KbArticleView

describe('knowledge-base labels', () => {
  it('splits tags on ASCII, full-width and Japanese commas, dropping blanks and repeats', () => {
    expect(parseTags(' 返品, 送料、返品，  ,Shipping ')).toEqual(['返品', '送料', 'Shipping'])
    expect(parseTags('')).toEqual([])
  })

  it('shows the translation in the agent’s language, else the one there is', () => {
    expect(displayTranslation(article(translation('ja', '返品'), translation('en', 'Returns')), 'en')?.title).toBe('Returns')
    expect(displayTranslation(article(translation('ja', '返品')), 'en')?.title).toBe('返品')
    expect(displayTranslation(article(), 'ja')).toBeUndefined()
    expect(otherLocale('ja')).toBe('en')
  })

  it('lists sections under their category for a select', () => {
    const categories = [{ id: 'c1', nameJa: '注文', nameEn: 'Orders', sections: [{ id: 's1', nameJa: '返品', nameEn: 'Returns', position: 0 }] }]
    expect(categoryOptions(categories as never, 'ja')).toEqual([{ id: 'c1', label: '注文' }, { id: 's1', label: '注文 › 返品' }])
    expect(categoryOptions(categories as never, 'en').map((c) => c.label)).toEqual(['Orders', 'Orders › Returns'])
  })
})
