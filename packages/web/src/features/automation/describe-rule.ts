import type { TFunction } from 'i18next'
import type { AutomationAction, AutomationCondition } from '@madoguchi/shared'
import type { Directory } from '../admin/directory.ts'
import { agentName, teamName } from '../admin/directory.ts'

/** A value as a person reads it: enum values translated, agent and team ids as names. */
export function fieldValueText(t: TFunction, d: Directory, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('rules.empty')
  if (typeof value === 'boolean') return t(value ? 'rules.yes' : 'rules.no')
  if (Array.isArray(value)) return value.map((v) => fieldValueText(t, d, field, v)).join(', ')
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value)
  switch (field) {
    case 'status': return t(`statuses.${text}`, { defaultValue: text })
    case 'priority': return t(`priorities.${text}`, { defaultValue: text })
    case 'category': return t(`categories.${text}`, { defaultValue: text })
    case 'channel': return t(`channels.${text}`, { defaultValue: text })
    case 'teamId': return teamName(d, text) ?? text
    case 'assigneeId': return agentName(d, text) ?? text
    default: return text
  }
}

/** Event names carry a dot, which i18next reads as nesting: the keys use `_`. */
export function eventLabel(t: TFunction, event: string): string {
  return t(`rules.events.${event.replace('.', '_')}`)
}

export function fieldLabel(t: TFunction, field: string): string {
  if (field.startsWith('customFields.')) return t('rules.customField', { key: field.slice('customFields.'.length) })

  return t(`rules.fields.${field}`, { defaultValue: field })
}

export function describeCondition(t: TFunction, d: Directory, c: AutomationCondition): string {
  switch (c.type) {
    case 'field':
      // Word order differs by language (「ステータスが「新規」以外」), so each operator has its own sentence.
      return t(`rules.describeField.${c.op}`, { field: fieldLabel(t, c.field), value: fieldValueText(t, d, c.field, c.value) })
    case 'text_contains':
      return t('rules.describe.textContains', { value: c.value })
    case 'customer':
      return t(c.value ? 'rules.describe.customerIs' : 'rules.describe.customerIsNot', { flag: t(`rules.flags.${c.flag}`) })
    case 'business_hours':
      return t(c.open ? 'rules.describe.open' : 'rules.describe.closed')
    case 'hours_in_status':
      return t('rules.describe.hoursInStatus', { count: c.hours })
  }
}

export function describeAction(t: TFunction, d: Directory, a: AutomationAction): string {
  switch (a.type) {
    case 'assign': return a.agentId ? t('rules.describe.assign', { name: agentName(d, a.agentId) }) : t('rules.describe.unassign')
    case 'route': return t('rules.describe.route')
    case 'set_status': return t('rules.describe.setField', { field: t('fields.status'), value: t(`statuses.${a.value}`) })
    case 'set_priority': return t('rules.describe.setField', { field: t('fields.priority'), value: t(`priorities.${a.value}`) })
    case 'set_category':
      return t('rules.describe.setField', { field: t('fields.category'), value: a.value ? t(`categories.${a.value}`) : t('rules.empty') })
    case 'set_team': return t('rules.describe.setField', { field: t('fields.team'), value: teamName(d, a.value) })
    case 'add_tags': return t('rules.describe.addTags', { tags: a.tags.join(', ') })
    case 'notify':
      return t('rules.describe.notify', { who: [agentName(d, a.agentId), teamName(d, a.teamId)].filter(Boolean).join(', ') || t('rules.assignee'), message: a.message })
    case 'reply': return a.macroId ? t('rules.describe.replyMacro') : t('rules.describe.replyText')
    case 'escalate': return t('rules.describe.escalate', { reason: t(`rules.reasons.${a.reason}`) })
  }
}
