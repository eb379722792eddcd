import { describe, expect, it } from 'vitest'
import { classifySearch } from './search-query.ts'

describe('classifySearch', () => {
  it.each([
    ['#123', [{ kind: 'ticket', number: 123 }]],
    ['＃１２３', [{ kind: 'ticket', number: 123 }]],
    ['4521', [{ kind: 'ticket', number: 4521 }]],
    ['C-7K3M-9Q2P', [{ kind: 'crn', crn: 'C-7K3M-9Q2P' }]],
    ['c 7k3m 9q2p', [{ kind: 'crn', crn: 'c 7k3m 9q2p' }]],
    ['Ｃ－７Ｋ３Ｍ－９Ｑ２Ｐ', [{ kind: 'crn', crn: 'C-7K3M-9Q2P' }]],
    ['yamada@example.jp', [{ kind: 'email', email: 'yamada@example.jp' }]],
    ['ｙａｍａｄａ＠example.jp', [{ kind: 'email', email: 'yamada@example.jp' }]],
    ['090-1234-5678', [{ kind: 'phone', phone: '090-1234-5678' }]],
    ['０９０ー１２３４ー５６７８', [{ kind: 'phone', phone: '090ー1234ー5678' }]],
    ['+81 90 1234 5678', [{ kind: 'phone', phone: '+81 90 1234 5678' }]],
    ['(03) 1234-5678', [{ kind: 'phone', phone: '(03) 1234-5678' }]],
    ['山田', [{ kind: 'name', q: '山田' }]],
    ['やまだ', [{ kind: 'name', q: 'やまだ' }]],
    ['Christina', [{ kind: 'crn', crn: 'Christina' }, { kind: 'name', q: 'Christina' }]],
    ['   ', []],
  ])('%s', (input, expected) => {
    expect(classifySearch(input)).toEqual(expected)
  })
})
