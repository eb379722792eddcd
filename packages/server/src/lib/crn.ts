import { randomBytes } from 'node:crypto'

/**
 * Customer reference numbers (CRN), e.g. `C-7K3M-9Q2P`: printed on replies and read
 * back over the phone, so they must survive being misheard or mistyped.
 *
 * - Alphabet: Crockford base32 without I, L, O, U (32 symbols that are hard to confuse).
 *   On input, O is read as 0 and I/L as 1, lower case, full-width characters, spaces
 *   and any dashes are accepted.
 * - 7 random symbols (32^7 ≈ 3.4e10 per account) and a check symbol.
 * - The check symbol is a Damm check over a totally anti-symmetric quasigroup of
 *   order 32: x∘y = 2·x + y in GF(32) (polynomial x^5 + x^2 + 1). A Latin square
 *   catches every single substitution; total anti-symmetry
 *   ((c∘x)∘y = (c∘y)∘x ⇒ x = y) catches every adjacent transposition, the check
 *   symbol included. crn.test.ts proves both exhaustively over the operation table.
 */
export const CRN_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
export const CRN_PREFIX = 'C'
/** Random symbols before the check symbol. */
export const CRN_PAYLOAD_LENGTH = 7

/** A CRN in canonical form (`C-XXXX-XXXX`), known to carry a valid check symbol. */
export type Crn = string & { readonly __brand: 'Crn' }

const SYMBOL_VALUE = new Map<string, number>([...CRN_ALPHABET].map((symbol, value) => [symbol, value]))
// Crockford's readings of the letters left out of the alphabet.
SYMBOL_VALUE.set('O', 0)
SYMBOL_VALUE.set('I', 1)
SYMBOL_VALUE.set('L', 1)

const GF32_REDUCER = 0b100101 // x^5 + x^2 + 1, irreducible over GF(2)

/** The quasigroup operation: interim ∘ symbol = 2·interim + symbol over GF(32). */
export function dammStep(interim: number, symbol: number): number {
  const doubled = interim << 1

  return ((doubled & 0b100000 ? doubled ^ GF32_REDUCER : doubled) ^ symbol) & 0b11111
}

function interimOf(values: readonly number[]): number {
  return values.reduce((interim, value) => dammStep(interim, value), 0)
}

/** The symbol value `c` with `interim ∘ c = 0` (unique: each row of a Latin square holds 0 once). */
export function checkValue(values: readonly number[]): number {
  const interim = interimOf(values)
  for (let c = 0; c < 32; c++) if (dammStep(interim, c) === 0) return c
  throw new Error('unreachable: the Damm table is a Latin square')
}

/** True when the values, check symbol last, fold to 0. */
export function isCheckValid(values: readonly number[]): boolean {
  return interimOf(values) === 0
}

/** `C-XXXX-XXXX` from the 8 canonical symbols (payload + check). */
export function formatCrn(symbols: string): Crn {
  return `${CRN_PREFIX}-${symbols.slice(0, 4)}-${symbols.slice(4)}` as Crn
}

export type RandomBytes = (size: number) => Uint8Array

/** A fresh CRN; the caller retries on the (account_id, crn) unique collision. */
export function generateCrn(random: RandomBytes = randomBytes): Crn {
  // 256 is a multiple of 32, so the low 5 bits of each byte are uniform.
  const values = [...random(CRN_PAYLOAD_LENGTH)].slice(0, CRN_PAYLOAD_LENGTH).map((b) => b & 31)
  if (values.length !== CRN_PAYLOAD_LENGTH) throw new Error('random source returned too few bytes')
  values.push(checkValue(values))

  return formatCrn(values.map((v) => CRN_ALPHABET[v]).join(''))
}

// Separators people type or paste: ASCII and Unicode dashes, the katakana prolonged
// sound mark typed by Japanese IMEs in place of a hyphen, dots, all whitespace.
const SEPARATORS = /[\s\-‐‑‒–—―−ー－.・_]/gu

/**
 * Reads a CRN as typed (with or without the `C-` prefix and hyphens); null when it is
 * malformed or its check symbol does not match, so a typo never finds someone else.
 */
export function parseCrn(input: string): Crn | null {
  if (typeof input !== 'string' || input.length > 64) return null
  let compact = input.normalize('NFKC').toUpperCase().replace(SEPARATORS, '')
  const full = CRN_PAYLOAD_LENGTH + 1
  if (compact.length === full + 1 && compact.startsWith(CRN_PREFIX)) compact = compact.slice(1)
  if (compact.length !== full) return null
  const values: number[] = []
  for (const char of compact) {
    const value = SYMBOL_VALUE.get(char)
    if (value === undefined) return null
    values.push(value)
  }
  if (!isCheckValid(values)) return null

  return formatCrn(values.map((v) => CRN_ALPHABET[v]).join(''))
}

/** True for a string that is already a canonical, valid CRN. */
export function isCanonicalCrn(value: string): value is Crn {
  return parseCrn(value) === value
}
