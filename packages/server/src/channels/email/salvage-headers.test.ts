import { describe, expect, it } from 'vitest'
import { unparsedEmail } from './parse-email.ts'
import { salvageAddress } from './salvage-headers.ts'
import { rawMessage } from './test-messages.ts'

describe('a message no parser finished', () => {
  it('keeps what routes it: sender, subject, Message-ID, the ids it replies to, and the headers classification reads', () => {
    const raw = rawMessage([
      'Return-Path: <bounce@example.jp>',
      `From: =?UTF-8?B?${Buffer.from('山田 太郎').toString('base64')}?=`, ' <Taro@Example.JP>',
      `Subject: =?UTF-8?B?${Buffer.from('注文').toString('base64')}?=`, `\t=?UTF-8?B?${Buffer.from('について').toString('base64')}?=`,
      'Message-ID: <m2@example.jp>', 'In-Reply-To: <m1@example.jp>', 'References: <m0@example.jp> <m1@example.jp>',
      'Date: Fri, 27 Nov 2026 10:00:00 +0900', 'Auto-Submitted: auto-replied',
    ], '本文です')
    expect(unparsedEmail(raw, 'timeout')).toMatchObject({
      from: { address: 'taro@example.jp', name: '山田 太郎' }, subject: '注文について', messageId: 'm2@example.jp',
      inReplyTo: ['m1@example.jp'], references: ['m0@example.jp', 'm1@example.jp'], date: '2026-11-27T01:00:00.000Z',
      headers: { 'auto-submitted': ['auto-replied'] }, text: '本文です', warnings: ['parse.failed:timeout'],
    })
  })

  it('reads bare and quoted senders, and gives up on nonsense quickly', () => {
    expect(salvageAddress('taro@example.jp (Taro)')).toEqual({ address: 'taro@example.jp', name: '' })
    expect(salvageAddress('"Yamada, Taro" <taro@example.jp>')).toEqual({ address: 'taro@example.jp', name: 'Yamada, Taro' })
    expect(salvageAddress('undisclosed-recipients:;')).toBeNull()
    const started = performance.now()
    const hostile = rawMessage([`From: ${'<a@'.repeat(20_000)}`, `Subject: ${'=?x?'.repeat(20_000)}`, ...Array.from({ length: 5_000 }, (_v, i) => `X-${i}: ${'a@b '.repeat(10)}`)])
    expect(unparsedEmail(hostile, 'worker_crashed').from).toBeNull()
    expect(performance.now() - started).toBeLessThan(500)
  })
})
