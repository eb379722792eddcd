import type { QueryTerm } from '../lib/japanese-text.ts'
import { tokenize } from '../lib/japanese-text.ts'

/** BM25's term-frequency saturation and length normalization (the usual constants). */
const K1 = 1.2
const B = 0.75

/** How often a term's tokens occur in `tokens` in order, next to each other (its last one as a prefix when the term says so). */
function occurrences(tokens: readonly string[], term: QueryTerm): number {
  const n = term.tokens.length
  const last = n - 1
  let count = 0
  for (let i = 0; i + n <= tokens.length; i++) {
    let j = 0
    while (j < n && (j === last && term.prefix ? tokens[i + j]!.startsWith(term.tokens[j]!) : tokens[i + j] === term.tokens[j])) j++
    if (j === n) count++
  }

  return count
}

/**
 * Relevance of each document of a window (larger is better), computed here from the
 * snippet source rather than by the engine: FTS5's bm25() first scans every match of
 * every phrase in the whole index for its IDF (110 ms for 申し訳ございません on 3 M
 * messages, more than the search itself), and ts_rank on PostgreSQL ranks
 * differently. Every document of a window matches every term (AND), so an IDF would
 * only weigh the terms against each other; what tells documents apart is how often
 * the terms occur and in how long a text: BM25 without IDF, over the window's
 * average length. A match beyond the snippet source (the first 2,000 characters)
 * still counts once. Same function, same order on both databases.
 */
export function windowRelevance(texts: readonly string[], terms: readonly QueryTerm[]): number[] {
  const tokenized = texts.map((text) => tokenize(text))
  const average = Math.max(1, tokenized.reduce((sum, t) => sum + t.length, 0) / Math.max(1, tokenized.length))

  return tokenized.map((tokens) => {
    const norm = K1 * (1 - B + (B * tokens.length) / average)

    return terms.reduce((score, term) => {
      const tf = Math.max(1, occurrences(tokens, term))

      return score + (tf * (K1 + 1)) / (tf + norm)
    }, 0)
  })
}
