import type { FastifyInstance } from 'fastify'
import type { TestAgent } from '../test/fixtures.ts'

const HOURS = [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '18:00' }]

/** A Tokyo weekday desk with lunch, 祝日 off, 年末年始 closed: the calendar most accounts start with. */
export const TOKYO_DESK = {
  name: '東京サポート',
  timeZone: 'Asia/Tokyo',
  weeklyHours: { mon: HOURS, tue: HOURS, wed: HOURS, thu: HOURS, fri: HOURS },
  useNationalHolidays: true,
  closures: [{ from: '12-29', to: '01-03', name: { ja: '年末年始', en: 'Year-end holidays' } }],
  openDays: [] as object[],
}

export async function createCalendar(app: FastifyInstance, who: TestAgent, body: object = TOKYO_DESK) {
  const res = await app.inject({ method: 'POST', url: '/api/v1/business-calendars', headers: who.headers, payload: body })

  return { res, calendar: res.json() as { id: string; name: string; isDefault: boolean } & Record<string, unknown> }
}
