import { describe, expect, it } from 'vitest'
import { detectLanguage, ticketLanguage } from './detect-language.ts'

describe('detectLanguage', () => {
  it.each([
    ['商品が届きません', 'ja'],
    ['ｶﾀｶﾅだけ', 'ja'],
    ['Re: 注文', 'ja'],
    ['Order #123 has not arrived', null],
    ['中', null],
    ['', null],
  ])('%s → %s', (text, expected) => expect(detectLanguage(text)).toBe(expected))

  it('prefers the customer\'s stated language over the text', () => {
    expect(ticketLanguage('en-US', '商品が届きません')).toBe('en')
    expect(ticketLanguage(null, 'こんにちは')).toBe('ja')
  })
})
