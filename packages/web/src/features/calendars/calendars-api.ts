import type { BusinessCalendarView, CalendarHolidaysView, CreateBusinessCalendarInput, UpdateBusinessCalendarInput } from '@madoguchi/shared'
import { api, query } from '../../api/client.ts'

const V1 = '/api/v1'

export const calendars = {
  list: () => api.get<{ items: BusinessCalendarView[] }>(`${V1}/business-calendars`).then((r) => r.items),
  create: (input: CreateBusinessCalendarInput) => api.post<BusinessCalendarView>(`${V1}/business-calendars`, input),
  update: (id: string, patch: UpdateBusinessCalendarInput) => api.patch<BusinessCalendarView>(`${V1}/business-calendars/${encodeURIComponent(id)}`, patch),
  holidays: (id: string, year: number) => api.get<CalendarHolidaysView>(`${V1}/business-calendars/${encodeURIComponent(id)}/holidays${query({ year })}`),
}
