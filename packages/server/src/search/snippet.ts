import type { QueryTerm } from '../lib/japanese-text.ts'
import { normalizeText } from '../lib/japanese-text.ts'

export interface Snippet {
  /** HTML-escaped, matches wrapped in <mark>. */
  html: string
  text: string
  /** [start, end) offsets of the matches in `text`. */
  highlights: [number, number][]
}

const CJK = String.raw`\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}ー〆〇`
const IS_CJK = new RegExp(String.raw`^[${CJK}]`, 'v')
const WORD = String.raw`[[\p{L}\p{N}]--[${CJK}]]`
/** What may stand between two tokens of a phrase in the text (the index dropped it). */
const SEPARATOR = String.raw`[^\p{L}\p{N}]*`
// A base character with the marks that NFKC may fold into it (ｶﾞ → ガ, e + ◌́ → é).
const SEGMENT = /.[\p{M}\uff9e\uff9f]*/gsu

/**
 * The text a term's tokens came from, as a pattern over normalized text: CJK
 * bigrams chain back into their run (返品 品を → 返品を), other words must stand
 * whole (cafe does not light up inside cafeteria).
 */
function termPattern(term: QueryTerm): string {
  let pattern = ''
  let previous: string | null = null
  for (const token of term.tokens) {
    const cjk = IS_CJK.test(token)
    if (previous !== null && cjk && IS_CJK.test(previous) && previous.at(-1) === token[0]) {
      pattern += [...token].slice(1).join('')
    } else {
      if (previous !== null) pattern += SEPARATOR
      pattern += cjk ? token : `(?<!${WORD})${token}(?!${WORD})`
    }
    previous = token
  }

  return pattern
}

/** Normalized text plus, for each of its characters, the original [start, end). */
function normalizeWithMap(text: string): { normalized: string; starts: number[]; ends: number[] } {
  const starts: number[] = []
  const ends: number[] = []
  let normalized = ''
  for (const m of text.matchAll(SEGMENT)) {
    const piece = normalizeText(m[0])
    normalized += piece
    for (let i = 0; i < piece.length; i++) {
      starts.push(m.index)
      ends.push(m.index + m[0].length)
    }
  }

  return { normalized, starts, ends }
}

function matchRanges(text: string, terms: readonly QueryTerm[]): [number, number][] {
  if (terms.length === 0) return []
  const patterns = terms.map(termPattern).sort((a, b) => b.length - a.length)
  const regex = new RegExp(patterns.join('|'), 'gv')
  const { normalized, starts, ends } = normalizeWithMap(text)
  const ranges: [number, number][] = []
  for (const m of normalized.matchAll(regex)) {
    if (m[0].length === 0) continue
    const start = starts[m.index]!
    const end = ends[m.index + m[0].length - 1]!
    const last = ranges.at(-1)
    if (last && start <= last[1]) last[1] = Math.max(last[1], end)
    else ranges.push([start, end])
  }

  return ranges
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!)

/** Does not cut a surrogate pair in half. */
function safeCut(text: string, at: number): number {
  const code = text.charCodeAt(at)

  return at > 0 && at < text.length && code >= 0xdc00 && code <= 0xdfff ? at - 1 : at
}

/**
 * An excerpt of `body` around its first match, about `width` characters, with
 * every match of the query highlighted. Offsets are computed on the original
 * text, so ｶﾀｶﾅ in a message lights up for a カタカナ query.
 */
export function makeSnippet(body: string, terms: readonly QueryTerm[], width = 160): Snippet {
  const flat = body.replace(/\s/g, ' ')
  const ranges = matchRanges(flat, terms)
  const first = ranges[0]?.[0] ?? 0
  const start = safeCut(flat, first < width / 4 ? 0 : first - Math.floor(width / 4))
  const end = safeCut(flat, Math.min(flat.length, start + width))
  const prefix = start > 0 ? '…' : ''
  const suffix = end < flat.length ? '…' : ''
  const shift = prefix.length - start
  const inside = ranges.filter(([s, e]) => s >= start && e <= end)

  let html = escapeHtml(prefix)
  let at = start
  for (const [s, e] of inside) {
    html += `${escapeHtml(flat.slice(at, s))}<mark>${escapeHtml(flat.slice(s, e))}</mark>`
    at = e
  }
  html += escapeHtml(flat.slice(at, end)) + escapeHtml(suffix)

  return { html, text: prefix + flat.slice(start, end) + suffix, highlights: inside.map(([s, e]) => [s + shift, e + shift]) }
}
