import { describe, expect, it } from 'vitest'
import { batchByTurn, batchByTurnFor } from './batch-by-turn.ts'

describe('batchByTurn', () => {
  it('answers the lookups of one turn with one load of their distinct keys, and later ones with another', async () => {
    const loads: string[][] = []
    const lookup = batchByTurn(async (keys: string[]) => {
      loads.push(keys)

      return new Map(keys.filter((k) => k !== 'missing').map((k) => [k, k.toUpperCase()]))
    })
    expect(await Promise.all([lookup('a'), lookup('b'), lookup('a'), lookup('missing')])).toEqual(['A', 'B', 'A', undefined])
    expect(await lookup('c')).toBe('C')
    expect(loads).toEqual([['a', 'b', 'missing'], ['c']])
  })

  it('rejects every lookup of a failed load, and the next turn loads again', async () => {
    let fail = true
    const lookup = batchByTurn(async (keys: number[]) => {
      if (fail) throw new Error('database down')

      return new Map(keys.map((k) => [k, k * 2]))
    })
    const outcomes = await Promise.allSettled([lookup(1), lookup(2)])
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected'])
    fail = false
    expect(await lookup(1)).toBe(2)
  })

  it('splits a very large turn into loads of at most 500 keys', async () => {
    const sizes: number[] = []
    const lookup = batchByTurn(async (keys: number[]) => {
      sizes.push(keys.length)

      return new Map(keys.map((k) => [k, k]))
    })
    const keys = Array.from({ length: 1200 }, (_, i) => i)
    expect(await Promise.all(keys.map((k) => lookup(k)))).toEqual(keys)
    expect(sizes).toEqual([500, 500, 200])
  })

  it('batchByTurnFor keeps one batch per owner: the keys of each are loaded by a call of their own', async () => {
    const loads: Array<[string, string[]]> = []
    const lookup = batchByTurnFor(async (owner: { name: string }, keys: string[]) => {
      loads.push([owner.name, keys])

      return new Map(keys.map((k) => [k, `${owner.name}:${k}`]))
    })
    const first = { name: 'first' }
    const second = { name: 'second' }
    expect(await Promise.all([lookup(first, 'a'), lookup(second, 'a'), lookup(first, 'b')])).toEqual(['first:a', 'second:a', 'first:b'])
    expect(loads).toEqual([['first', ['a', 'b']], ['second', ['a']]])
  })
})
