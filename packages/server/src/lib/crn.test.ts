import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { CRN_ALPHABET, checkValue, dammStep, formatCrn, generateCrn, isCanonicalCrn, isCheckValid, parseCrn } from './crn.ts'

/** Deterministic byte source: the same CRNs every run. */
function seededBytes(seed: number) {
  let state = seed >>> 0

  return (size: number) => {
    const out = new Uint8Array(size)
    for (let i = 0; i < size; i++) {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0
      out[i] = state >>> 24
    }

    return out
  }
}

const symbolsOf = (crn: string) => crn.replace(/^C-/, '').replace('-', '')

describe('CRN alphabet', () => {
  it('has 32 distinct symbols and none of I, L, O, U', () => {
    expect(new Set(CRN_ALPHABET).size).toBe(32)
    expect(CRN_ALPHABET).not.toMatch(/[ILOU]/)
  })
})

describe('Damm check over GF(32): proved exhaustively on the operation table', () => {
  const all = [...Array(32).keys()]

  it('is a Latin square, so every single-symbol substitution changes the result', () => {
    for (const c of all) {
      expect(new Set(all.map((x) => dammStep(c, x))).size).toBe(32) // row c: a permutation
      expect(new Set(all.map((x) => dammStep(x, c))).size).toBe(32) // column c: a permutation
    }
  })

  it('is totally anti-symmetric, so every adjacent transposition changes the result', () => {
    for (const c of all) {
      for (const x of all) {
        for (const y of all) {
          if (x !== y) expect(dammStep(dammStep(c, x), y)).not.toBe(dammStep(dammStep(c, y), x))
        }
      }
    }
  })

  // Why the table properties suffice for whole codes: the interim value before any
  // position can be anything; a substitution or a transposition makes the interims
  // differ right after it (properties above), and each later step maps distinct
  // interims to distinct interims (columns are permutations), so the final value is
  // no longer 0. The end-to-end tests below check this on real codes.

  it('rejects every single substitution and adjacent transposition of 500 generated CRNs', () => {
    const random = seededBytes(42)
    for (let n = 0; n < 500; n++) {
      const crn = generateCrn(random)
      const symbols = symbolsOf(crn)
      expect(parseCrn(crn)).toBe(crn)
      for (let i = 0; i < symbols.length; i++) {
        for (const other of CRN_ALPHABET) {
          if (other === symbols[i]) continue
          const typo = symbols.slice(0, i) + other + symbols.slice(i + 1)
          expect(parseCrn(typo), `${crn} → ${typo}`).toBeNull()
        }
        if (i + 1 < symbols.length && symbols[i] !== symbols[i + 1]) {
          const swapped = symbols.slice(0, i) + symbols[i + 1] + symbols[i] + symbols.slice(i + 2)
          expect(parseCrn(swapped), `${crn} → ${swapped}`).toBeNull()
        }
      }
    }
  })

  it('accepts exactly one check symbol for any payload (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 31 }), { minLength: 7, maxLength: 7 }), (payload) => {
        const valid = [...Array(32).keys()].filter((c) => isCheckValid([...payload, c]))
        expect(valid).toEqual([checkValue(payload)])
      }),
    )
  })
})

describe('generateCrn', () => {
  it('makes canonical C-XXXX-XXXX codes from the random source', () => {
    const crn = generateCrn(seededBytes(7))
    expect(crn).toMatch(/^C-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/)
    expect(generateCrn(seededBytes(7))).toBe(crn)
    expect(generateCrn(seededBytes(8))).not.toBe(crn)
    expect(isCanonicalCrn(crn)).toBe(true)
  })

  it('uses the default crypto source when given none', () => {
    const codes = new Set(Array.from({ length: 200 }, () => generateCrn()))
    expect(codes.size).toBe(200)
  })
})

describe('parseCrn', () => {
  const crn = formatCrn('7K3M9Q2' + CRN_ALPHABET[checkValue([...'7K3M9Q2'].map((s) => CRN_ALPHABET.indexOf(s)))])
  const symbols = symbolsOf(crn)
  const spaced = `${symbols.slice(0, 4)} ${symbols.slice(4)}`

  it.each([
    ['canonical', crn],
    ['lower case', crn.toLowerCase()],
    ['no hyphens', `C${symbols}`],
    ['no prefix', symbols],
    ['no prefix, spaced', spaced],
    ['extra hyphens and spaces', ` c - ${symbols.split('').join('-')} `],
    ['full-width', crn.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0))],
    ['katakana prolonged mark as hyphen', crn.replace(/-/g, 'ー')],
    ['Unicode dashes', crn.replace(/-/g, '‐').replace('‐', '−')],
  ])('reads %s', (_label, input) => {
    expect(parseCrn(input)).toBe(crn)
  })

  it('reads O as 0 and I / L as 1', () => {
    const withZeroAndOne = formatCrn('1010100' + CRN_ALPHABET[checkValue([1, 0, 1, 0, 1, 0, 0])])
    expect(parseCrn(withZeroAndOne.replace(/0/g, 'O').replace(/1/g, 'I'))).toBe(withZeroAndOne)
    expect(parseCrn(withZeroAndOne.replace(/0/g, 'o').replace(/1/g, 'l'))).toBe(withZeroAndOne)
  })

  it.each([
    ['empty', ''],
    ['too short', crn.slice(0, -1)],
    ['too long', `${crn}0`],
    ['U is not a symbol', crn.slice(0, -1) + 'U'],
    ['another prefix', `D${symbols}`],
    ['punctuation', crn.replace('-', '/')],
    ['very long junk', 'A'.repeat(1000)],
    ['wrong check symbol', crn.slice(0, -1) + (crn.endsWith('0') ? '1' : '0')],
  ])('refuses %s', (_label, input) => {
    expect(parseCrn(input)).toBeNull()
  })

  it('never throws on arbitrary input', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (input) => {
      const parsed = parseCrn(input)
      if (parsed !== null) expect(isCanonicalCrn(parsed)).toBe(true)
    }))
  })
})
