import { describe, expect, it } from 'vitest'
import type { TFunction } from 'i18next'
import i18next from 'i18next'
import { en } from '../../i18n/en.ts'
import { ja } from '../../i18n/ja.ts'
import { notificationText } from './notification-text.ts'

const base = { id: 'n1', ticketId: 't1', readAt: null, createdAt: '2026-11-30T01:00:00.000Z' }

async function translator(lng: 'en' | 'ja'): Promise<TFunction> {
  const i18n = i18next.createInstance()
  await i18n.init({ lng, resources: { en: { translation: en }, ja: { translation: ja } }, interpolation: { escapeValue: false } })

  return i18n.t
}

describe('notificationText', () => {
  it('describes escalations, automation notices and anything else, in both languages', async () => {
    const escalated = { ...base, kind: 'ticket.escalated', data: { number: 12, subject: '返金のご相談', reason: 'beyond_authority' } }
    const automation = { ...base, kind: 'automation.notify', data: { number: 7, message: 'VIP から新着' } }
    const other = { ...base, kind: 'something.new', data: {} }
    const t = await translator('en')
    expect(notificationText(t, escalated)).toBe('#12 返金のご相談 was escalated to you: Beyond my authority (e.g. a refund over my limit)')
    expect(notificationText(t, automation)).toBe('Automation rule on #7: VIP から新着')
    expect(notificationText(t, other)).toBe('Notification: something.new')
    const tj = await translator('ja')
    expect(notificationText(tj, escalated)).toBe('#12 返金のご相談 がエスカレーションされました：権限外（例：上限を超える返金）')
  })
})
