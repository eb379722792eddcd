import { describe, expect, it } from 'vitest'
import { toQueryTerms } from '../lib/japanese-text.ts'
import { windowRelevance } from './relevance.ts'

const rank = (texts: string[], q: string) => windowRelevance(texts, toQueryTerms(q))

describe('windowRelevance', () => {
  it('prefers more occurrences at the same length, and the shorter text at the same count', () => {
    const [twice, once] = rank(['返品と返品の件', '返品と交換の件'], '返品')
    expect(twice).toBeGreaterThan(once!)
    const [short, long] = rank(['refund please', 'refund please, the parcel arrived late and the box was damaged on one side'], 'refund')
    expect(short).toBeGreaterThan(long!)
  })

  it('counts a phrase only where its tokens stand together, a single character as a prefix', () => {
    const [together, apart] = rank(['tracking number tracking number', 'number tracking, tracking number'], '"tracking number"')
    expect(together).toBeGreaterThan(apart!)
    const [yen2, yen1] = rank(['5000円と300円', '5000円と三百'], '円')
    expect(yen2).toBeGreaterThan(yen1!)
  })

  it('scores a document whose match lies past the snippet source as one occurrence', () => {
    const [none, one] = rank(['nothing here', 'refund here'], 'refund')
    expect(none).toBeCloseTo(one!, 5)
  })
})
