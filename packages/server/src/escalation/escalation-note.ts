import type { EscalationReason } from '@madoguchi/shared'

const REASONS: Record<EscalationReason, { ja: string; en: string }> = {
  customer_requested_supervisor: { ja: 'お客様が責任者との対応を希望', en: 'Customer asked for a supervisor' },
  beyond_authority: { ja: '担当者の権限外（例：上限を超える返金）', en: "Beyond the agent's authority (e.g. a refund above the limit)" },
  technical: { ja: '技術的な問題', en: 'Technical issue' },
  complaint: { ja: '苦情', en: 'Complaint' },
  threat_legal: { ja: '法的措置の示唆', en: 'Legal threat' },
  threat_physical: { ja: '身体的な脅迫', en: 'Physical threat' },
}

export function reasonLabel(reason: EscalationReason): { ja: string; en: string } {
  return REASONS[reason]
}

/** The internal note left on the ticket, in both languages (whoever opens the ticket next can read it). */
export function escalationNoteText(reason: EscalationReason, note: string, target: string, amount: number | undefined): string {
  const label = REASONS[reason]
  const money = amount === undefined ? '' : `\n金額 / Amount: ${amount.toLocaleString('ja-JP')}`

  return `【エスカレーション】${label.ja} → ${target}\n[Escalated] ${label.en} → ${target}${money}\n\n${note}`
}
