/**
 * Text for the generated data set, taken from the demo account's conversations so
 * that a million tickets read like real Japanese and English support traffic.
 */
import type { Channel, TicketCategory } from '@madoguchi/shared'
import { DEMO_TICKETS_EN } from '../../packages/server/src/demo/demo-tickets-en.ts'
import { DEMO_TICKETS_JA } from '../../packages/server/src/demo/demo-tickets-ja.ts'
import type { DemoTicket } from '../../packages/server/src/demo/demo-ticket.ts'

export interface Conversation {
  subject: string
  category: TicketCategory
  inbound: string
  reply: string
  note: string | null
}

function toConversation(t: DemoTicket): Conversation {
  const inbound = t.thread.find((m) => m.kind === 'in')?.body ?? t.subject
  const reply = t.thread.find((m) => m.kind === 'out')?.body ?? (/[ぁ-んァ-ン一-龯]/.test(t.subject)
    ? 'お問い合わせいただきありがとうございます。担当者より改めてご連絡いたします。'
    : 'Thank you for contacting us. We will get back to you shortly.')
  const note = t.thread.find((m) => m.kind === 'note')?.body ?? null

  return { subject: t.subject.replace(/^【[^】]+】|^\[[^\]]+\] /, ''), category: t.category, inbound, reply, note }
}

export const JA_CONVERSATIONS: readonly Conversation[] = DEMO_TICKETS_JA.map(toConversation)
export const EN_CONVERSATIONS: readonly Conversation[] = DEMO_TICKETS_EN.map(toConversation)

/** Tags with rough shares of tickets: a few very common, a long tail of rare ones. */
export const TAG_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['返品', 0.08], ['配送遅延', 0.07], ['請求書', 0.05], ['vip', 0.04], ['クレーム', 0.04], ['返金', 0.04],
  ['会員特典', 0.03], ['ログイン', 0.03], ['交換', 0.03], ['定期便', 0.03], ['refund', 0.02], ['shipping', 0.02],
  ['法人', 0.02], ['クーポン', 0.02], ['在庫', 0.015], ['領収書', 0.015], ['ギフト', 0.01], ['住所変更', 0.01],
  ['リコール', 0.005], ['破損', 0.005], ['warranty', 0.005], ['chargeback', 0.002], ['customs', 0.002],
  ['個人情報', 0.001], ['要返信', 0.001], ['escalated', 0.0005], ['press', 0.0001],
]

export const CHANNEL_WEIGHTS: ReadonlyArray<readonly [Channel, number]> = [
  ['email', 0.4], ['chat', 0.15], ['line', 0.15], ['phone', 0.15], ['web_form', 0.1], ['walk_in', 0.03], ['api', 0.02],
]

export const TEAM_NAMES: readonly string[] = [
  'サポート', '請求 Billing', '物流 Logistics', 'パートナーBPO', 'VIPデスク', '技術サポート Tech',
]

/** Picks from weighted options; weights need not sum to 1 (the remainder picks nothing). */
export function weighted<T>(rand: () => number, options: ReadonlyArray<readonly [T, number]>): T | undefined {
  let r = rand()
  for (const [value, weight] of options) {
    if (r < weight) return value
    r -= weight
  }

  return undefined
}
