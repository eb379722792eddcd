import { createBusinessCalendarInput, createKbArticleInput, createMacroInput, createRuleInput, createSlaPolicyInput } from '@madoguchi/shared'
import { createBusinessCalendar } from '../calendars/create-business-calendar.ts'
import type { Deps } from '../deps.ts'
import { escalateTicket } from '../escalation/escalate-ticket.ts'
import type { Principal } from '../http/principal.ts'
import { createKbArticle } from '../knowledge/create-kb-article.ts'
import { createKbCategory } from '../knowledge/manage-kb-categories.ts'
import { createMacro } from '../automation/macros.ts'
import { createRule } from '../automation/manage-rules.ts'
import { createSlaPolicy } from '../sla/manage-sla-policies.ts'
import type { DemoStaff } from './seed-demo-staff.ts'

/**
 * What an admin sets up before the first ticket, so a newcomer sees every screen
 * with something in it: business hours with Japanese holidays and 年末年始, SLA
 * targets (tighter for VIPs), a shared macro, an automation rule, and help-center
 * articles in both languages (one internal, for agents only).
 */
export async function seedDemoSetup(deps: Deps, admin: Principal): Promise<void> {
  const calendar = await createBusinessCalendar(deps, admin, createBusinessCalendarInput.parse({
    name: '本社 営業時間（平日 9:00〜18:00）',
    weeklyHours: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, [{ start: '09:00', end: '18:00' }]])),
    closures: [{ from: '12-29', to: '01-03', name: { ja: '年末年始休業', en: 'Year-end holidays' } }],
    isDefault: true,
  }), null)
  await createSlaPolicy(deps, admin, createSlaPolicyInput.parse({
    name: 'VIP のお客様', calendarId: calendar.id, conditions: { vip: true },
    firstResponseMinutes: 60, nextResponseMinutes: 120, resolutionMinutes: 8 * 60, position: 0,
  }))
  await createSlaPolicy(deps, admin, createSlaPolicyInput.parse({
    name: '標準', calendarId: calendar.id, firstResponseMinutes: 4 * 60, nextResponseMinutes: 8 * 60, resolutionMinutes: 3 * 9 * 60, position: 1,
  }))
  await createMacro(deps, admin, createMacroInput.parse({
    name: '返品受付のご案内 / Return accepted',
    shared: true,
    bodyJa: '{{customer.preferred_name}}\n\nお問い合わせありがとうございます。担当の{{agent.name}}です。\n返品を承りました（受付番号 #{{ticket.number}}）。\n集荷の日時をご返信ください。\n\nお客様番号: {{customer.crn}}',
    bodyEn: 'Dear {{customer.preferred_name}},\n\nThank you for contacting us. This is {{agent.name}}.\nWe have accepted your return (request #{{ticket.number}}).\nPlease reply with a convenient pick-up time.\n\nCustomer number: {{customer.crn}}',
  }))
  await createRule(deps, admin, createRuleInput.parse({
    name: '件名に「至急」: 優先度を高に / "Urgent" in the subject: high priority',
    kind: 'trigger', event: 'ticket.created',
    conditions: [{ type: 'text_contains', value: '至急' }, { type: 'field', field: 'priority', op: 'in', value: ['low', 'normal'] }],
    actions: [{ type: 'set_priority', value: 'high' }, { type: 'add_tags', tags: ['至急'] }],
  }))
  await seedDemoArticles(deps, admin)
}

async function seedDemoArticles(deps: Deps, admin: Principal): Promise<void> {
  const orders = await createKbCategory(deps, admin, { nameJa: 'ご注文・配送', nameEn: 'Orders and delivery', descriptionJa: 'ご注文、お届け、返品について', descriptionEn: 'Orders, delivery and returns' })
  const internal = await createKbCategory(deps, admin, { nameJa: '社内手順', nameEn: 'Internal procedures', descriptionJa: '担当者向け', descriptionEn: 'For agents' })
  const article = (categoryId: string, visibility: 'public' | 'internal', isFaq: boolean, tags: string[], ja: [string, string], en: [string, string]) =>
    createKbArticle(deps, admin, createKbArticleInput.parse({
      categoryId, visibility, isFaq, tags,
      translations: { ja: { title: ja[0], body: ja[1], publish: true }, en: { title: en[0], body: en[1], publish: true } },
    }))
  await article(orders.id, 'public', true, ['返品'],
    ['返品・交換について', '商品到着から **8日以内** であれば返品・交換を承ります。\n\n1. お問い合わせフォームから注文番号をお知らせください。\n2. 集荷の日時をご連絡します。\n\n破損・不良品の送料は当社が負担します。'],
    ['Returns and exchanges', 'We accept returns and exchanges within **8 days** of delivery.\n\n1. Send us your order number through the contact form.\n2. We will arrange a pick-up.\n\nWe pay the shipping for damaged or faulty items.'])
  await article(orders.id, 'public', true, ['配送'],
    ['配送状況の確認方法', 'ご注文確認メールに記載の **お問い合わせ番号** で、配送業者のサイトから状況を確認できます。\n\nお届け予定日を過ぎても届かない場合はご連絡ください。'],
    ['Tracking your delivery', 'Use the **tracking number** in your order confirmation on the carrier’s site.\n\nIf your parcel is late, please contact us.'])
  await article(orders.id, 'public', false, ['支払い'],
    ['お支払い方法', 'クレジットカード、コンビニ払い、銀行振込、PayPay をご利用いただけます。'],
    ['Payment methods', 'We accept credit cards, convenience-store payment, bank transfer and PayPay.'])
  await article(internal.id, 'internal', false, ['返金', 'エスカレーション'],
    ['返金の権限と承認フロー', '- 1万円まで: 担当者が判断\n- 1万円超: スーパーバイザーへエスカレーション（理由「権限外」、金額を入力）\n- 法的措置の示唆: 法務チームへ'],
    ['Refund limits and approvals', '- Up to ¥10,000: the agent decides\n- Above ¥10,000: escalate to a supervisor (reason "beyond authority", with the amount)\n- Legal threats: the legal team'])
}

/** Two open escalations, so the supervisors' queue has something in it. */
export async function seedDemoEscalations(deps: Deps, staff: DemoStaff, ticketIdsBySubject: Map<string, string>): Promise<void> {
  const escalate = async (subject: string, by: Principal, input: Parameters<typeof escalateTicket>[3]) => {
    const id = ticketIdsBySubject.get(subject)
    if (id) await escalateTicket(deps, by, { id }, input)
  }
  await escalate('【至急】配送業者の対応へのクレーム', staff.agents.kimura, { reason: 'complaint', note: 'お客様が強くご立腹です。責任者からの連絡を希望されています。' })
  await escalate('二重に請求されています', staff.agents.nishimura, { reason: 'beyond_authority', note: '返金額が担当者の上限（1万円）を超えています。', amount: 24_800 })
}
