import { describe, expect, it } from 'vitest'
import { groupBy } from './group-by.ts'

describe('groupBy', () => {
  it('groups by key, keeping the order groups and items were first seen', () => {
    const groups = groupBy(['b1', 'a1', 'b2', 'c1', 'a2'], (s) => s[0])
    expect([...groups]).toEqual([['b', ['b1', 'b2']], ['a', ['a1', 'a2']], ['c', ['c1']]])
    expect(groupBy([], (s: string) => s).size).toBe(0)
  })
})
