/**
 * Dates and numbers in the agent's time zone and language (Intl only: no date
 * library in the bundle). Formatters are cached because lists format thousands.
 */
const cache = new Map<string, Intl.DateTimeFormat>()

function formatter(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`
  let f = cache.get(key)
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(locale, { ...options, timeZone })
    } catch {
      // An unknown zone must not blank the screen; UTC is at least honest.
      f = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC', timeZoneName: 'short' })
    }
    cache.set(key, f)
  }

  return f
}

export function formatDateTime(iso: string | null | undefined, locale: string, timeZone: string): string {
  if (!iso) return ''

  return formatter(locale, timeZone, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(iso))
}

export function formatDate(iso: string | null | undefined, locale: string, timeZone: string): string {
  if (!iso) return ''

  return formatter(locale, timeZone, { year: 'numeric', month: 'short', day: 'numeric' }).format(new Date(iso))
}

/** Short form for list rows: time today, date otherwise (in the agent's zone). */
export function formatShort(iso: string | null | undefined, locale: string, timeZone: string, now = new Date()): string {
  if (!iso) return ''
  const date = new Date(iso)
  const day = formatter(locale, timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' })
  if (day.format(date) === day.format(now)) {
    return formatter(locale, timeZone, { hour: '2-digit', minute: '2-digit' }).format(date)
  }

  return formatter(locale, timeZone, { month: 'short', day: 'numeric' }).format(date)
}

export function formatRelative(iso: string | null | undefined, locale: string, now = Date.now()): string {
  if (!iso) return ''
  const seconds = Math.round((Date.parse(iso) - now) / 1000)
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
  const abs = Math.abs(seconds)
  if (abs < 60) return rtf.format(seconds, 'second')
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute')
  if (abs < 86400) return rtf.format(Math.round(seconds / 3600), 'hour')

  return rtf.format(Math.round(seconds / 86400), 'day')
}

export function formatMoney(amount: number, currency: string, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: currency === 'JPY' ? 0 : 2 }).format(amount)
  } catch {
    return `${amount} ${currency}`
  }
}

/** The calendar date (year, month, day) of an instant in a time zone. */
function monthDayInZone(date: Date, timeZone: string): { year: number; month: number; day: number } {
  const parts = formatter('en-US', timeZone, { year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(date)
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? '0')

  return { year: get('year'), month: get('month'), day: get('day') }
}

/**
 * Days until the next occurrence of a yearly date (`YYYY-MM-DD` or `MM-DD`), counted
 * in the agent's zone; null when the date is unreadable. Feb 29 falls on Mar 1 in
 * other years, as most people celebrate it.
 */
export function daysUntilAnniversary(date: string | null | undefined, timeZone: string, now = new Date()): number | null {
  if (!date) return null
  const match = /^(?:\d{4}-)?(\d{2})-(\d{2})$/.exec(date.slice(0, 10).length === 10 ? date.slice(0, 10) : date)
  if (!match) return null
  const month = Number(match[1])
  const day = Number(match[2])
  const today = monthDayInZone(now, timeZone)
  const todayUtc = Date.UTC(today.year, today.month - 1, today.day)
  for (const year of [today.year, today.year + 1]) {
    const leapless = month === 2 && day === 29 && new Date(Date.UTC(year, 1, 29)).getUTCMonth() !== 1
    const target = leapless ? Date.UTC(year, 2, 1) : Date.UTC(year, month - 1, day)
    if (target >= todayUtc) return Math.round((target - todayUtc) / 86_400_000)
  }

  return null
}
