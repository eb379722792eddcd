import type { FastifyInstance } from 'fastify'
import {
  businessCalendarList, businessCalendarView, calendarAddQuery, calendarAddView, calendarHolidaysQuery, calendarHolidaysView,
  calendarIdParams, calendarOpenQuery, calendarOpenView, createBusinessCalendarInput, updateBusinessCalendarInput,
} from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import { documentRoute } from '../http/openapi-registry.ts'
import { principalOf } from '../http/principal.ts'
import { parseInput } from '../http/validate.ts'
import { addCalendarMinutes } from './add-calendar-minutes.ts'
import { checkCalendarOpening } from './check-calendar-opening.ts'
import { createBusinessCalendar } from './create-business-calendar.ts'
import { getBusinessCalendar } from './get-business-calendar.ts'
import { listBusinessCalendars } from './list-business-calendars.ts'
import { listCalendarClosedDays } from './list-calendar-closed-days.ts'
import { updateBusinessCalendar } from './update-business-calendar.ts'

type ById = { Params: { id: string } }
const TAGS = ['Business calendars']

/** Business calendars: staff read them (SLA "due in", opening hours); supervisors and admins manage them. */
export async function calendarRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  documentRoute({ method: 'GET', path: '/business-calendars', tags: TAGS, access: 'staff', response: businessCalendarList, summary: "List the account's business calendars, default first" })
  app.get('/business-calendars', { config: { access: 'staff' } }, async (request) => listBusinessCalendars(deps, principalOf(request)))

  documentRoute({
    method: 'POST', path: '/business-calendars', tags: TAGS, access: 'supervisor', body: createBusinessCalendarInput, response: businessCalendarView, status: 201,
    summary: 'Create a business calendar', description: "The account's first calendar becomes its default.", errors: ['calendar.name_taken'],
  })
  app.post('/business-calendars', { config: { access: 'supervisor' } }, async (request, reply) => {
    const input = parseInput(createBusinessCalendarInput, request.body)

    return reply.status(201).send(await createBusinessCalendar(deps, principalOf(request), input, request.ip ?? null))
  })

  documentRoute({ method: 'GET', path: '/business-calendars/:id', tags: TAGS, access: 'staff', params: calendarIdParams, response: businessCalendarView, summary: 'Get a business calendar', errors: ['calendar.not_found'] })
  app.get<ById>('/business-calendars/:id', { config: { access: 'staff' } }, async (request) => getBusinessCalendar(deps, principalOf(request), request.params.id))

  documentRoute({
    method: 'PATCH', path: '/business-calendars/:id', tags: TAGS, access: 'supervisor', params: calendarIdParams, body: updateBusinessCalendarInput, response: businessCalendarView,
    summary: 'Change a business calendar', description: 'Fields given replace the stored ones (e.g. the whole `closures` list).', errors: ['calendar.not_found', 'calendar.name_taken'],
  })
  app.patch<ById>('/business-calendars/:id', { config: { access: 'supervisor' } }, async (request) => {
    const input = parseInput(updateBusinessCalendarInput, request.body)

    return updateBusinessCalendar(deps, principalOf(request), request.params.id, input, request.ip ?? null)
  })

  documentRoute({
    method: 'GET', path: '/business-calendars/:id/holidays', tags: TAGS, access: 'staff', params: calendarIdParams, query: calendarHolidaysQuery, response: calendarHolidaysView,
    summary: "A year's closed days with their names (ja/en)",
    description: 'National holidays (national, substitute = 振替休日, citizens = 国民の休日) when the calendar keeps them, and its closures; open days are left out.',
    errors: ['calendar.not_found'],
  })
  app.get<ById>('/business-calendars/:id/holidays', { config: { access: 'staff' } }, async (request) => {
    const { year } = parseInput(calendarHolidaysQuery, request.query)

    return listCalendarClosedDays(deps, principalOf(request), request.params.id, year)
  })

  documentRoute({
    method: 'GET', path: '/business-calendars/:id/open', tags: TAGS, access: 'staff', params: calendarIdParams, query: calendarOpenQuery, response: calendarOpenView,
    summary: 'Is the calendar open at an instant (default now), until when, and when does it open next', errors: ['calendar.not_found'],
  })
  app.get<ById>('/business-calendars/:id/open', { config: { access: 'staff' } }, async (request) => {
    const { at } = parseInput(calendarOpenQuery, request.query)

    return checkCalendarOpening(deps, principalOf(request), request.params.id, at)
  })

  documentRoute({
    method: 'GET', path: '/business-calendars/:id/add', tags: TAGS, access: 'staff', params: calendarIdParams, query: calendarAddQuery, response: calendarAddView,
    summary: 'The instant when some minutes of business time have passed since a start (default now)', errors: ['calendar.not_found'],
  })
  app.get<ById>('/business-calendars/:id/add', { config: { access: 'staff' } }, async (request) => {
    const { start, minutes } = parseInput(calendarAddQuery, request.query)

    return addCalendarMinutes(deps, principalOf(request), request.params.id, minutes, start)
  })
}
