/**
 * Teams and agents of the demo account. Only the first admin (created by
 * `madoguchi start` / `create-admin`) can sign in: demo agents get no password,
 * so a public demo never ships a known credential.
 */
import type { Role } from '@madoguchi/shared'

export type DemoTeamKey = 'support' | 'billing' | 'logistics' | 'partner'

export interface DemoTeam {
  key: DemoTeamKey
  name: string
  description: string
  isPartner: boolean
}

export const DEMO_TEAMS: readonly DemoTeam[] = [
  { key: 'support', name: 'サポート', description: '一般のお問い合わせ・製品サポート / General inquiries and product support', isPartner: false },
  { key: 'billing', name: '請求 Billing', description: 'ご請求・返金・お支払い / Invoices, refunds and payments', isPartner: false },
  { key: 'logistics', name: '物流 Logistics', description: '配送・返品・交換 / Shipping, returns and exchanges', isPartner: false },
  { key: 'partner', name: 'パートナーBPO（夜間・休日）', description: '委託コールセンター：夜間・休日の一次対応 / Outsourced first line, nights and holidays', isPartner: true },
]

export type DemoAgentKey =
  | 'okamoto' | 'kimura' | 'carter' | 'ogawa' | 'nishimura' | 'baker' | 'fukuda' | 'miura' | 'matsuda' | 'santos'

export interface DemoAgent {
  key: DemoAgentKey
  name: string
  role: Role
  teams: DemoTeamKey[]
  tier: 1 | 2 | 3
  languages: string[]
  skills: string[]
  locale: 'ja' | 'en'
  timeZone: string
}

export const DEMO_AGENTS: readonly DemoAgent[] = [
  { key: 'okamoto', name: '岡本 誠司', role: 'admin', teams: ['support'], tier: 3, languages: ['ja', 'en'], skills: ['admin'], locale: 'ja', timeZone: 'Asia/Tokyo' },
  { key: 'kimura', name: '木村 さやか', role: 'supervisor', teams: ['support', 'logistics'], tier: 3, languages: ['ja'], skills: ['escalation', 'complaints'], locale: 'ja', timeZone: 'Asia/Tokyo' },
  { key: 'carter', name: 'Emily Carter', role: 'supervisor', teams: ['billing'], tier: 3, languages: ['en', 'ja'], skills: ['billing', 'refunds'], locale: 'en', timeZone: 'Asia/Tokyo' },
  { key: 'ogawa', name: '小川 大輝', role: 'agent', teams: ['support'], tier: 1, languages: ['ja'], skills: ['products'], locale: 'ja', timeZone: 'Asia/Tokyo' },
  { key: 'nishimura', name: '西村 葵', role: 'agent', teams: ['billing'], tier: 2, languages: ['ja', 'en'], skills: ['billing', 'invoices'], locale: 'ja', timeZone: 'Asia/Tokyo' },
  { key: 'baker', name: 'Tom Baker', role: 'agent', teams: ['support'], tier: 1, languages: ['en'], skills: ['products', 'english'], locale: 'en', timeZone: 'Europe/London' },
  { key: 'fukuda', name: '福田 健', role: 'agent', teams: ['logistics'], tier: 1, languages: ['ja'], skills: ['shipping', 'returns'], locale: 'ja', timeZone: 'Asia/Tokyo' },
  { key: 'miura', name: '三浦 玲奈', role: 'agent', teams: ['logistics', 'support'], tier: 2, languages: ['ja', 'en'], skills: ['returns', 'recalls'], locale: 'ja', timeZone: 'Asia/Tokyo' },
  { key: 'matsuda', name: '松田 航', role: 'partner', teams: ['partner'], tier: 1, languages: ['ja'], skills: ['phone'], locale: 'ja', timeZone: 'Asia/Tokyo' },
  { key: 'santos', name: 'Ana Santos', role: 'partner', teams: ['partner'], tier: 1, languages: ['en', 'pt'], skills: ['phone', 'english'], locale: 'en', timeZone: 'Asia/Manila' },
]

/** Demo agents' addresses live under a reserved example domain. */
export function demoAgentEmail(key: DemoAgentKey): string {
  return `${key}@madoguchi-demo.example.jp`
}
