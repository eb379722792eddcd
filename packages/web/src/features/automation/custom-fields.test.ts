import { describe, expect, it } from 'vitest'
import { customFieldsOf } from './custom-fields.ts'

describe('customFieldsOf', () => {
  it('reads key=value pairs and skips the rest', () => {
    expect(customFieldsOf(['plan=gold', ' region = 関東 ', 'nonsense', 'note=a=b'])).toEqual({ plan: 'gold', region: '関東', note: 'a=b' })
  })
})
