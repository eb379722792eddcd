import { describe, expect, it } from 'vitest'
import type { MeView, TicketView } from '../../api/types.ts'
import { builtInFilter, compareTickets, matchesFilter } from './filters.ts'

const me = { id: 'a1', teamIds: ['t1', 't2'] } as MeView
const ticket = (fields: Partial<TicketView>): TicketView => ({
  id: 'x', number: 1, priority: 'normal', status: 'open', teamId: null, assigneeId: null, tags: [], channel: 'email', category: null,
  createdAt: '2026-11-27T00:00:00.000Z', updatedAt: '2026-11-27T00:00:00.000Z', customer: { id: 'c' }, ...fields,
} as TicketView)

describe('inbox filters', () => {
  it('"My teams" is every team of the agent', () => {
    const filter = builtInFilter('teams', me)
    expect(filter.teamId).toBe('mine')
    expect(matchesFilter(ticket({ teamId: 't2' }), filter, me)).toBe(true)
    expect(matchesFilter(ticket({ teamId: 't3' }), filter, me)).toBe(false)
    expect(matchesFilter(ticket({ teamId: null }), filter, me)).toBe(false)
    expect(matchesFilter(ticket({ teamId: 't3' }), { teamId: 't3' }, me)).toBe(true)
  })

  it('orders rows as the server does, id last', () => {
    const a = ticket({ id: 'a', number: 3, priority: 'low', updatedAt: '2026-11-27T03:00:00.000Z', createdAt: '2026-11-27T01:00:00.000Z' })
    const b = ticket({ id: 'b', number: 2, priority: 'urgent', updatedAt: '2026-11-27T01:00:00.000Z', createdAt: '2026-11-27T02:00:00.000Z' })
    const c = ticket({ id: 'c', number: 1, priority: 'urgent', updatedAt: '2026-11-27T01:00:00.000Z', createdAt: '2026-11-27T02:00:00.000Z' })
    const order = (sort: Parameters<typeof compareTickets>[0]) => [a, b, c].sort(compareTickets(sort)).map((t) => t.id)
    expect(order('updated')).toEqual(['a', 'c', 'b'])
    expect(order('created')).toEqual(['c', 'b', 'a'])
    expect(order('number')).toEqual(['a', 'b', 'c'])
    expect(order('priority')).toEqual(['c', 'b', 'a'])
  })
})
