import type { AutomationAction, AutomationCondition } from '@madoguchi/shared'

/** Everything a condition can look at, computed once per event. */
export interface Facts {
  status: string
  priority: string
  category: string | null
  channel: string
  teamId: string | null
  assigneeId: string | null
  subject: string
  tags: readonly string[]
  customFields: Readonly<Record<string, string | number | boolean | null>>
  /** Subject and latest customer message, NFKC-folded and lower-cased. */
  text: string
  vip: boolean
  handleWithCare: boolean
  hoursInStatus: number | null
  /** Is this calendar (null: the default) open at the event's time? */
  isOpen(calendarId: string | null): boolean
}

export interface CompiledRule {
  id: string
  name: string
  position: number
  conditions: readonly AutomationCondition[]
  actions: readonly AutomationAction[]
}

export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase()
}

const FIELD: Record<string, (f: Facts) => string | null | readonly string[]> = {
  status: (f) => f.status, priority: (f) => f.priority, category: (f) => f.category, channel: (f) => f.channel,
  teamId: (f) => f.teamId, assigneeId: (f) => f.assigneeId, subject: (f) => f.subject, tags: (f) => f.tags,
}

/** One condition's result and the value it looked at (the dry run shows both). */
export function evaluateCondition(c: AutomationCondition, f: Facts): { result: boolean; actual: unknown } {
  switch (c.type) {
    case 'field': {
      // Custom field values compare as text: a rule written `"42"` matches the number 42.
      const custom = c.field.startsWith('customFields.') ? f.customFields[c.field.slice('customFields.'.length)] : undefined
      const actual = FIELD[c.field]?.(f) ?? (custom === undefined || custom === null ? null : String(custom))
      const values = Array.isArray(c.value) ? c.value : [c.value]
      const has = (v: string | null) => (Array.isArray(actual) ? actual.includes(v as string) : actual === v)
      let result: boolean
      if (c.op === 'equals' || c.op === 'in') result = values.some(has)
      else if (c.op === 'not_equals' || c.op === 'not_in') result = !values.some(has)
      else {
        const needle = foldText(String(values[0] ?? ''))
        result = Array.isArray(actual) ? actual.some((a) => foldText(a).includes(needle)) : foldText(String(actual ?? '')).includes(needle)
      }

      return { result, actual }
    }
    case 'text_contains':
      return { result: f.text.includes(foldText(c.value)), actual: null }
    case 'customer': {
      const actual = c.flag === 'vip' ? f.vip : f.handleWithCare

      return { result: actual === c.value, actual }
    }
    case 'business_hours': {
      const actual = f.isOpen(c.calendarId ?? null)

      return { result: actual === c.open, actual }
    }
    case 'hours_in_status':
      return { result: f.hoursInStatus !== null && f.hoursInStatus >= c.hours, actual: f.hoursInStatus }
  }
}

/** Does every condition hold? Stops at the first that does not (the hot path). */
export function ruleMatches(rule: CompiledRule, f: Facts): boolean {
  for (const c of rule.conditions) if (!evaluateCondition(c, f).result) return false

  return true
}

/** Rules in order with each condition's result: the dry run's answer. */
export function explainRules(rules: readonly CompiledRule[], f: Facts) {
  return rules.map((rule) => {
    const conditions = rule.conditions.map((condition) => ({ condition, ...evaluateCondition(condition, f) }))

    return { ruleId: rule.id, name: rule.name, position: rule.position, wouldFire: conditions.every((c) => c.result), conditions, actions: [...rule.actions] }
  })
}
