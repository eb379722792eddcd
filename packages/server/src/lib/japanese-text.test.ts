import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MAX_QUERY_TERMS, normalizeText, toFts5Match, toIndexText, toQueryTerms, toTsQuery, tokenize } from './japanese-text.ts'

describe('normalizeText', () => {
  it.each([
    ['half-width katakana', 'ｶﾀｶﾅ', 'カタカナ'],
    ['half-width voiced marks compose', 'ｶﾞｲﾄﾞ ﾊﾟｽ', 'ガイド パス'],
    ['full-width Latin and digits', 'ＡＢＣ１２３', 'abc123'],
    ['full-width space and punctuation', '返品　（至急）！', '返品 (至急)!'],
    ['circled and roman numerals', '①Ⅲ', '1iii'],
    ['case folding', 'iPhone MacBook', 'iphone macbook'],
    ['Latin accents dropped', 'Café Crème NAÏVE', 'cafe creme naive'],
    ['Japanese voiced kana kept', 'がぎぐ パピプ', 'がぎぐ パピプ'],
    ['kana not folded by default', 'リンゴ', 'リンゴ'],
    ['halfwidth long vowel', 'ｺｰﾋｰ', 'コーヒー'],
    ['compatibility ideographs', '㈱ ㍻', '(株) 平成'],
  ])('%s: %s → %s', (_label, input, expected) => {
    expect(normalizeText(input)).toBe(expected)
  })

  it('folds katakana to hiragana only when asked', () => {
    expect(normalizeText('ヤマダ タロウ ｶﾞｯｺｳ ヽヾ', { foldKana: true })).toBe('やまだ たろう がっこう ゝゞ')
  })
})

describe('tokenize / toIndexText', () => {
  it.each([
    ['two-character words stay whole', '返品と解約', '返品 品と と解 解約 約'],
    ['a longer word gives its bigrams', '返金額', '返金 金額 額'],
    ['a lone CJK character is a unigram', '5000円', '5000 円'],
    ['Latin words and digits', 'Order #A-1234 shipped!', 'order a 1234 shipped'],
    ['mixed scripts split at the boundary', 'iPhone15の修理', 'iphone15 の修 修理 理'],
    ['email addresses split into words', 'yamada.taro@example.co.jp', 'yamada taro example co jp'],
    ['half-width katakana tokenized as full-width', 'ｷｬﾝｾﾙ', 'キャ ャン ンセ セル ル'],
    ['iteration mark stays with its kanji', '人々', '人々 々'],
    ['punctuation splits CJK runs', '返品・交換。', '返品 品 交換 換'],
    ['hangul is bigrammed too', '환불', '환불 불'],
    ['empty and punctuation-only text', ' 。、!? ', ''],
  ])('%s', (_label, input, expected) => {
    expect(toIndexText(input)).toBe(expected)
  })

  it('drops absurdly long tokens', () => {
    expect(tokenize(`ok ${'x'.repeat(150)} fine`)).toEqual(['ok', 'fine'])
  })

  it('makes tokens that are letters and digits only, lower case, for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        for (const token of tokenize(text)) {
          expect(token).toMatch(/^[\p{L}\p{N}]+$/u)
          expect(token).toBe(token.toLowerCase())
          expect(token.normalize('NFKC')).toBe(token)
        }
      }),
      { numRuns: 500 },
    )
  })
})

type Term = [tokens: string, prefix?: boolean]
const terms = (q: string): Term[] => toQueryTerms(q).map((t) => (t.prefix ? [t.tokens.join(' '), true] : [t.tokens.join(' ')]))

describe('toQueryTerms', () => {
  it.each<[string, string, Term[]]>([
    ['a two-character word', '返品', [['返品']]],
    ['a longer word is a phrase of its bigrams', '返金額', [['返金 金額']]],
    ['one character becomes a prefix', '円', [['円', true]]],
    ['words apart must all match', '返品 解約', [['返品'], ['解約']]],
    ['a full-width space separates too', '返品　解約', [['返品'], ['解約']]],
    ['mixed scripts with a space', 'iPhone 修理', [['iphone'], ['修理']]],
    ['mixed scripts without a space', 'iPhone修理', [['iphone'], ['修理']]],
    ['a quoted phrase keeps order and adjacency', '"iPhone 修理"', [['iphone 修理']]],
    ['Japanese quotes', '「返品の受付」', [['返品 品の の受 受付']]],
    ['a phrase ending in one character', '"5000 円"', [['5000 円', true]]],
    ['a phrase with a CJK run inside', '"iPhone 修理 依頼"', [['iphone 修理 理 依頼']]],
    ['product codes stay together', 'ABC-123', [['abc 123']]],
    ['email addresses stay together', 'Yamada@Example.com', [['yamada example com']]],
    ['normalized like the index', 'ｷｬﾝｾﾙ ＡＢＣ', [['キャ ャン ンセ セル'], ['abc']]],
    ['an unclosed quote runs to the end', '"返品 受付', [['返品 品 受付']]],
    ['duplicates once', '返品 返品', [['返品']]],
    ['nothing searchable', ' 。!? "" ', []],
  ])('%s: %s', (_label, query, expected) => {
    expect(terms(query)).toEqual(expected)
  })

  it('caps the number of terms', () => {
    const query = Array.from({ length: 50 }, (_, i) => `word${i}`).join(' ')
    expect(toQueryTerms(query)).toHaveLength(MAX_QUERY_TERMS)
  })

  it('renders terms for FTS5 MATCH and for to_tsquery', () => {
    const t = toQueryTerms('返金額 iPhone 円')
    expect(toFts5Match(t)).toBe('"返金 金額" AND "iphone" AND "円" *')
    expect(toTsQuery(t)).toBe("('返金' <-> '金額') & 'iphone' & '円':*")
    expect(toFts5Match([])).toBe('')
    expect(toTsQuery([])).toBe('')
  })

  it('every query phrase occurs in the index text of the same words', () => {
    // The invariant search rests on: a text always matches a query made of itself.
    fc.assert(
      fc.property(fc.array(fc.constantFrom('返品', '解約', '円', 'iPhone', '修理', 'の', 'ｶﾀｶﾅ', 'ABC-123', '。', ' ', '返金額', 'x'), { maxLength: 8 }), (parts) => {
        const text = parts.join('')
        const index = tokenize(text)
        for (const term of toQueryTerms(`"${text}"`)) {
          const found = index.some((_, i) => term.tokens.every((tok, k) => {
            const token = index[i + k]

            return token !== undefined && (term.prefix && k === term.tokens.length - 1 ? token.startsWith(tok) : token === tok)
          }))
          expect(found).toBe(true)
        }
      }),
      { numRuns: 500 },
    )
  })
})
