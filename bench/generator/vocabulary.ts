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
  /** The demo thread after its first message, in order: what a longer ticket says next. */
  rest: ReadonlyArray<{ kind: 'in' | 'out' | 'note'; body: string }>
}

function toConversation(t: DemoTicket): Conversation {
  const inbound = t.thread.find((m) => m.kind === 'in')?.body ?? t.subject
  const reply = t.thread.find((m) => m.kind === 'out')?.body ?? (/[ぁ-んァ-ン一-龯]/.test(t.subject)
    ? 'お問い合わせいただきありがとうございます。担当者より改めてご連絡いたします。'
    : 'Thank you for contacting us. We will get back to you shortly.')
  const note = t.thread.find((m) => m.kind === 'note')?.body ?? null
  const first = t.thread.findIndex((m) => m.kind === 'in')

  return { subject: t.subject.replace(/^【[^】]+】|^\[[^\]]+\] /, ''), category: t.category, inbound, reply, note, rest: t.thread.slice(first + 1) }
}

/**
 * What the customer and the agent say once the demo thread has run out (a ticket of
 * 4–6 messages): thanks, a question more, a confirmation; picked at random, so long
 * tickets do not all end alike.
 */
export const FOLLOW_UPS: Record<'ja' | 'en', Record<'in' | 'out' | 'note', readonly string[]>> = {
  ja: {
    in: [
      'ご対応ありがとうございました。',
      'ご連絡ありがとうございます。もう一点確認させてください。届いた箱に傷がありましたが、中身は問題ないでしょうか。',
      '承知しました。いつ頃になりそうか、目安だけでも教えていただけますか。',
      '先ほどの件ですが、まだメールが届いていません。お手数ですがもう一度送っていただけますか。',
      '確認しました。問題なく解決しました。丁寧に対応していただき助かりました。',
      '追加で質問です。領収書の宛名を会社名に変更することはできますか。',
      '電話がつながらなかったのでこちらに書きます。折り返しは平日の午後にお願いします。',
    ],
    out: [
      'ご確認いただきありがとうございます。ほかにご不明な点がございましたら、お気軽にお問い合わせください。',
      'お待たせしております。現在担当部署にて確認中です。明日までに改めてご連絡いたします。',
      'ご不便をおかけし申し訳ございません。再送いたしましたので、迷惑メールフォルダもあわせてご確認ください。',
      'かしこまりました。ご指定の内容で手配いたしました。お届けまで今しばらくお待ちください。',
      'ご連絡ありがとうございます。お手数ですが、注文番号とお名前をご返信いただけますでしょうか。',
    ],
    note: [
      '上長確認済み。次回連絡時に経過を共有する。',
      'お客様へ折り返し済み。解決待ち。',
      '同様の問い合わせが増えている。ナレッジ記事の更新を依頼した。',
    ],
  },
  en: {
    in: [
      'Thanks for your help!',
      'Thanks for the quick reply. One more question: can I change the delivery address for the next order?',
      'I still have not received the email. Could you send it again, please?',
      'That worked, thank you. You can close this ticket.',
      'Any update on this? It has been a few days.',
      'Could you also send me an invoice with our company name on it?',
    ],
    out: [
      'Thanks for confirming. If there is anything else, just reply to this message.',
      'Sorry for the wait. The team is still looking into it and we will update you by tomorrow.',
      'We have sent it again; please also check your spam folder.',
      'Done: the change is in place and you will receive a confirmation shortly.',
      'Could you send us your order number so we can look it up?',
    ],
    note: [
      'Checked with the team lead; follow up on Monday.',
      'Called the customer back, waiting for their confirmation.',
      'Same question came in several times this week: asked for a help article.',
    ],
  },
}

/**
 * Messages per ticket beyond the first, for tickets past "new": most are a question
 * and an answer or two, a tail runs to six; the mean is ≈ 3.15 messages a ticket.
 */
export const MESSAGE_COUNTS: ReadonlyArray<readonly [number, number]> = [
  [1, 0.08], [2, 0.3], [3, 0.27], [4, 0.17], [5, 0.1], [6, 0.08],
]

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
