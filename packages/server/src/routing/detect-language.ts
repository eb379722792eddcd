/**
 * A ticket's language for routing: the customer's stated language when known,
 * else Japanese when the text has kana or kanji (a Japanese email goes to a
 * Japanese-speaking agent), else null (anyone may take it). Kana decide even a
 * single character; kanji alone could be Chinese, so they need a few.
 */
const KANA = /[\u3040-\u30ff\uff66-\uff9f]/
const KANJI = /[\u4e00-\u9fff]/g

export function detectLanguage(text: string): 'ja' | null {
  if (KANA.test(text)) return 'ja'

  return (text.match(KANJI)?.length ?? 0) >= 2 ? 'ja' : null
}

export function ticketLanguage(customerLanguage: string | null | undefined, text: string): string | null {
  if (customerLanguage) return customerLanguage.toLowerCase().split('-')[0]!

  return detectLanguage(text)
}
