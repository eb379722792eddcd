/**
 * `node bin/run-ts.mjs bench/automation.ts`: evaluating 200 trigger rules for one
 * event (target: median ≤ 1 ms), with the ratio to a baseline measured in the same
 * run (a plain loop over the same 200 rules doing no work but a property read).
 * Rules mix every condition type: field equals/in, text contains, customer flag,
 * business hours of a Tokyo calendar; 1 in 20 matches, as a real account would have.
 */
import type { AutomationCondition } from '@madoguchi/shared'
import { factsOf } from '../packages/server/src/automation/build-facts.ts'
import type { CompiledRule } from '../packages/server/src/automation/evaluate-rules.ts'
import { ruleMatches } from '../packages/server/src/automation/evaluate-rules.ts'
import type { BusinessCalendar } from '../packages/server/src/lib/business-hours.ts'
import { percentile, seededRandom } from './lib/stats.ts'

const RULES = 200
const RUNS = 5_000
const TARGET_MEDIAN_MS = 1
const HOURS = [{ start: '09:00', end: '18:00' }]
const tokyo: BusinessCalendar = { timeZone: 'Asia/Tokyo', weeklyHours: { mon: HOURS, tue: HOURS, wed: HOURS, thu: HOURS, fri: HOURS }, useNationalHolidays: true, closures: [{ from: '12-29', to: '01-03' }], openDays: [] }

function makeRules(): CompiledRule[] {
  const rand = seededRandom(7)
  const words = ['返金', '解約', '配送', 'refund', 'cancel', '遅延', '破損', 'invoice', '請求', '交換']

  return Array.from({ length: RULES }, (_, i) => {
    const conditions: AutomationCondition[] = [
      { type: 'field', field: 'channel', op: 'in', value: i % 20 === 0 ? ['email', 'line'] : ['phone', 'sms'] },
      { type: 'field', field: 'priority', op: 'equals', value: 'normal' },
      { type: 'text_contains', value: words[Math.floor(rand() * words.length)]! },
      { type: 'customer', flag: 'vip', value: false },
      { type: 'business_hours', calendarId: null, open: true },
    ]

    return { id: `r${i}`, name: `rule ${i}`, position: i, conditions, actions: [{ type: 'add_tags', tags: ['x'] }] }
  })
}

function main(): void {
  const rules = makeRules()
  const at = new Date('2026-12-01T02:00:00Z') // Tuesday 11:00 JST: open
  const extras = {
    latestText: '先週注文した商品がまだ届きません。返金または交換をお願いします。注文番号は 12345 です。'.repeat(4),
    vip: false, handleWithCare: false, hoursInStatus: null, calendars: new Map([['', tokyo]]), at,
  }
  const ticket = { status: 'open', priority: 'normal', category: 'refund', channel: 'email', team_id: null, assignee_id: null, subject: '返金のお願い', tags: '["vip-candidate"]', custom_fields: '{"order":"12345"}' } as const
  let sink = 0
  const evaluate = () => {
    const facts = factsOf(ticket as never, extras)
    for (const rule of rules) if (ruleMatches(rule, facts)) sink++
  }
  const baseline = () => {
    for (const rule of rules) sink += rule.position & 1
  }
  for (let i = 0; i < 500; i++) { evaluate(); baseline() }
  const measure = (fn: () => void) => {
    const samples: number[] = []
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now()
      fn()
      samples.push(performance.now() - t)
    }

    return { p50: percentile(samples, 50), p99: percentile(samples, 99) }
  }
  const base = measure(baseline)
  const real = measure(evaluate)
  const ok = real.p50 <= TARGET_MEDIAN_MS
  console.log(`automation: ${RULES} rules per event, ${RUNS} runs (matches counted: ${sink > 0 ? 'yes' : 'no'})`)
  console.log(`  baseline (empty loop over the rules): median ${(base.p50 * 1000).toFixed(2)} µs, p99 ${(base.p99 * 1000).toFixed(2)} µs`)
  console.log(`  evaluate 200 rules:                   median ${(real.p50 * 1000).toFixed(1)} µs, p99 ${(real.p99 * 1000).toFixed(1)} µs  (${(real.p50 / Math.max(base.p50, 1e-6)).toFixed(0)}× baseline)`)
  console.log(`  target median ≤ ${TARGET_MEDIAN_MS} ms: ${ok ? 'PASS' : 'FAIL'}`)
  if (!ok) process.exitCode = 1
}

main()
