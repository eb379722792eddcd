import { describe, expect, it } from 'vitest'
import { insertAtCaret } from './placeholders.ts'

describe('insertAtCaret', () => {
  it.each([
    ['お客様番号: ', '{{customer.crn}}', null, null, 'お客様番号: {{customer.crn}}', 23],
    ['様\n本文', '{{customer.preferred_name}}', 0, 0, '{{customer.preferred_name}}様\n本文', 27],
    ['Dear XX,', 'Name', 5, 7, 'Dear Name,', 9],
  ] as const)('puts %j + %j at the caret', (text, insert, start, end, expected, caret) => {
    expect(insertAtCaret(text, insert, start, end)).toEqual({ text: expected, caret })
  })
})
