/**
 * Search text for Japanese and English (ARCHITECTURE.md §5), shared by the SQLite
 * (FTS5) and PostgreSQL (tsvector 'simple') indexes so both find the same things.
 *
 * Both engines get text that is already tokenized: lower-case tokens separated by
 * spaces, each made only of letters and digits, so that FTS5's `unicode61` (or
 * `ascii`) tokenizer and PostgreSQL's default parser each see exactly our tokens.
 * - Normalization: NFKC (ｶﾀｶﾅ → カタカナ, ＡＢＣ１２３ → abc123, ① → 1), lower case,
 *   accents dropped from Latin/Greek/Cyrillic letters (café = cafe; FTS5 would
 *   drop them and PostgreSQL would not, so we decide once, here).
 * - Latin, digits and other space-separated scripts: one token per word; any
 *   punctuation splits (e-mail → e mail, ABC-123 → abc 123).
 * - CJK (kanji, kana, hangul): overlapping bigrams, as Lucene's CJKBigramFilter,
 *   so 返品 and 解約 are found and 返金額 (返金 金額) matches 返金, PLUS the last
 *   character of every run as a unigram (a lone character is just that unigram).
 *   The extra unigram makes every character the first character of some token, so
 *   a one-character query becomes a prefix query (円 → 円*) that finds every 円.
 * - Kana folding (ひらがな = カタカナ) is OFF by default: hiragana bigrams are mostly
 *   grammar (ます, した, です), so folding makes katakana words match grammar —
 *   マス would find every です/ます sentence. `foldKana` exists for fields that are
 *   readings (furigana), where folding is what people expect; index and query must
 *   then both use it.
 */
export interface TextOptions {
  /** Fold katakana to hiragana (for reading/furigana fields only; see above). */
  foldKana?: boolean
}

/** Tokens longer than this are noise (base64, hashes of hashes) and are dropped. */
export const MAX_TOKEN_LENGTH = 100
/** A query never expands to more terms than this. */
export const MAX_QUERY_TERMS = 32

// Letters and digits of the CJK scripts (not their symbols, such as radicals ⺀),
// and all other letters and digits. Only letters and digits: FTS5's unicode61
// splits at anything else (its default categories are L* N* Co).
const CJK_SCRIPTS = String.raw`\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}ー〆〇`
const RUN = new RegExp(String.raw`([[${CJK_SCRIPTS}]&&[\p{L}\p{N}]]+)|([[\p{L}\p{N}]--[${CJK_SCRIPTS}]]+)`, 'gv')
const ACCENTED = /([\p{sc=Latin}\p{sc=Greek}\p{sc=Cyrillic}])\p{M}+/gu
// Precomposed accented letters (Latin-1 to Cyrillic, Latin Extended Additional, Greek Extended) or any mark.
const MAY_HAVE_MARKS = /[\u00c0-\u052f\u1e00-\u1fff\p{M}]/u

export function normalizeText(text: string, options: TextOptions = {}): string {
  let s = text.normalize('NFKC').toLowerCase()
  // Accented Latin/Greek/Cyrillic letters lose their accents; marks left after that
  // (other scripts, a stray ﾞ) are dropped, keeping words whole. Skipped for the
  // common case of text without any, where the two extra normalizations cost most.
  if (MAY_HAVE_MARKS.test(s)) s = s.normalize('NFD').replace(ACCENTED, '$1').normalize('NFC').replace(/\p{M}/gu, '')
  if (options.foldKana) s = s.replace(/[\u30a1-\u30f6\u30fd\u30fe]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))

  return s
}

interface Run {
  text: string
  cjk: boolean
  /** Offset in the normalized text, to tell what separates two runs. */
  start: number
  end: number
}

function runsOf(normalized: string): Run[] {
  const runs: Run[] = []
  for (const m of normalized.matchAll(RUN)) {
    const text = m[0]
    runs.push({ text, cjk: m[1] !== undefined, start: m.index, end: m.index + text.length })
  }

  return runs
}

/** Bigrams of a CJK run plus its last character; a lone character is its unigram. */
function pushCjkTokens(tokens: string[], run: string, trailingUnigram: boolean): void {
  let previous = ''
  for (const char of run) {
    if (previous) tokens.push(previous + char)
    previous = char
  }
  // A lone character always; the last one of a longer run only in index text.
  if (trailingUnigram || run.length === previous.length) tokens.push(previous)
}

function cjkTokens(run: string, trailingUnigram: boolean): string[] {
  const tokens: string[] = []
  pushCjkTokens(tokens, run, trailingUnigram)

  return tokens
}

const keep = (token: string) => token.length <= MAX_TOKEN_LENGTH

/** The index tokens of a text, in order (positions matter for phrases). */
export function tokenize(text: string, options: TextOptions = {}): string[] {
  const tokens: string[] = []
  for (const m of normalizeText(text, options).matchAll(RUN)) {
    if (m[1] !== undefined) pushCjkTokens(tokens, m[1], true)
    else if (m[0].length <= MAX_TOKEN_LENGTH) tokens.push(m[0])
  }

  return tokens
}

/** What to store in the indexed column (FTS5) or pass to to_tsvector('simple', …). */
export function toIndexText(text: string, options: TextOptions = {}): string {
  return tokenize(text, options).join(' ')
}

/**
 * One query term: `tokens` must occur in this order, next to each other (a phrase);
 * with `prefix`, the last token matches any token starting with it. All terms of a
 * query must match (AND).
 */
export interface QueryTerm {
  tokens: string[]
  prefix: boolean
}

/** Tokens of a phrase made of several runs: inner runs as indexed, the last open-ended. */
function phraseTerm(runs: Run[]): QueryTerm | null {
  const tokens: string[] = []
  let prefix = false
  runs.forEach((run, i) => {
    const last = i === runs.length - 1
    if (!run.cjk) tokens.push(run.text)
    else if (!last) tokens.push(...cjkTokens(run.text, true))
    else {
      tokens.push(...cjkTokens(run.text, false))
      // One character: it starts a bigram or is a run's last character (see top).
      prefix = [...run.text].length === 1
    }
  })
  const kept = tokens.filter(keep)

  return kept.length > 0 ? { tokens: kept, prefix: prefix && kept.length === tokens.length } : null
}

const QUOTES: Record<string, string> = { '"': '"', '“': '”', '「': '」', '『': '』' }
const QUOTE_OPEN = /["“「『]/u

/** Splits a query into quoted phrases and the unquoted text between them. */
function splitQuoted(query: string): { text: string; quoted: boolean }[] {
  const parts: { text: string; quoted: boolean }[] = []
  let rest = query
  while (rest.length > 0) {
    const open = rest.search(QUOTE_OPEN)
    if (open < 0) {
      parts.push({ text: rest, quoted: false })
      break
    }
    parts.push({ text: rest.slice(0, open), quoted: false })
    const close = rest.indexOf(QUOTES[rest[open]!]!, open + 1)
    // An unclosed quote runs to the end of the query.
    parts.push({ text: rest.slice(open + 1, close < 0 ? undefined : close), quoted: true })
    rest = close < 0 ? '' : rest.slice(close + 1)
  }

  return parts
}

/**
 * Terms of a search box query. Quoted text ("…", “…”, 「…」, 『…』) is one phrase.
 * Elsewhere each CJK run is its own term (its bigrams in order, so 返金額 does not
 * match 返金 … 金額 far apart), and Latin words joined by punctuation only are a
 * phrase (ABC-123, user@example.com); words apart, and scripts apart (iPhone修理),
 * are separate terms that must all match.
 */
export function toQueryTerms(query: string, options: TextOptions = {}): QueryTerm[] {
  const terms: QueryTerm[] = []
  for (const part of splitQuoted(normalizeText(query, options))) {
    const runs = runsOf(part.text)
    if (part.quoted) {
      const term = phraseTerm(runs)
      if (term) terms.push(term)
      continue
    }
    let group: Run[] = []
    const flush = () => {
      const term = group.length > 0 ? phraseTerm(group) : null
      if (term) terms.push(term)
      group = []
    }
    for (const run of runs) {
      const previous = group[group.length - 1]
      const joined = previous && !previous.cjk && !run.cjk && !/\s/u.test(part.text.slice(previous.end, run.start))
      if (!joined) flush()
      group.push(run)
    }
    flush()
  }
  const seen = new Set<string>()

  return terms
    .filter((t) => {
      const key = `${t.tokens.join(' ')}${t.prefix ? '*' : ''}`

      return !seen.has(key) && seen.add(key)
    })
    .slice(0, MAX_QUERY_TERMS)
}

/** An FTS5 MATCH expression for the terms ('' when there is nothing to search). */
export function toFts5Match(terms: readonly QueryTerm[]): string {
  // Tokens are letters and digits only, so double-quoting them is always safe.
  return terms.map((t) => `"${t.tokens.join(' ')}"${t.prefix ? ' *' : ''}`).join(' AND ')
}

/** A `to_tsquery('simple', …)` expression for the terms ('' when nothing to search). */
export function toTsQuery(terms: readonly QueryTerm[]): string {
  return terms
    .map((t) => {
      const lexemes = t.tokens.map((token, i) => `'${token}'${t.prefix && i === t.tokens.length - 1 ? ':*' : ''}`)

      return lexemes.length > 1 ? `(${lexemes.join(' <-> ')})` : lexemes[0]!
    })
    .join(' & ')
}
