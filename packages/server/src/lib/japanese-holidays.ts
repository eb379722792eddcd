import type { DayNumber, IsoDate } from './civil-date.ts'
import { civilOf, dayNumberOf, isoDateOf, nthWeekdayOfMonth, parseIsoDate, weekdayOf } from './civil-date.ts'

/**
 * Japanese public holidays (国民の祝日に関する法律, in force since 1948-07-20),
 * computed for any year instead of copied from a list that runs out:
 * - `national`: the 祝日 themselves, with every change of date and name since 1948
 *   (Happy Monday moves of 2000 and 2003, the Emperor's birthday, the 2020/2021
 *   Olympic moves) and the one-off days set by their own laws (1959, 1989, 1990,
 *   1993, 2019), which those laws made count as 祝日;
 * - `substitute` (振替休日, since 1973-04-12): a 祝日 on a Sunday makes the next
 *   day a holiday; since 2007 the next day that is not a 祝日 (so 2025-05-04, a
 *   Sunday, gives 5/6 because 5/5 is a 祝日);
 * - `citizens` (国民の休日, since 1985-12-27): a day between two 祝日 (until 2006 not
 *   if it is a Sunday or already a substitute holiday), e.g. 2026-09-22.
 * Equinox days are fixed each February for the next year by the Cabinet from the
 * National Astronomical Observatory's almanac; the standard formula below agrees
 * with every published date and is the best available forecast; after 2150 it is
 * an extrapolation.
 */
export type HolidayKind = 'national' | 'substitute' | 'citizens'

export interface LocalizedName {
  ja: string
  en: string
}

export interface JapaneseHoliday {
  date: IsoDate
  kind: HolidayKind
  name: LocalizedName
}

export const FIRST_HOLIDAY_YEAR = 1948

const N = {
  newYear: { ja: '元日', en: "New Year's Day" },
  comingOfAge: { ja: '成人の日', en: 'Coming of Age Day' },
  foundation: { ja: '建国記念の日', en: 'National Foundation Day' },
  emperor: { ja: '天皇誕生日', en: "The Emperor's Birthday" },
  vernal: { ja: '春分の日', en: 'Vernal Equinox Day' },
  showa: { ja: '昭和の日', en: 'Showa Day' },
  greenery: { ja: 'みどりの日', en: 'Greenery Day' },
  constitution: { ja: '憲法記念日', en: 'Constitution Memorial Day' },
  children: { ja: 'こどもの日', en: "Children's Day" },
  marine: { ja: '海の日', en: 'Marine Day' },
  mountain: { ja: '山の日', en: 'Mountain Day' },
  aged: { ja: '敬老の日', en: 'Respect for the Aged Day' },
  autumnal: { ja: '秋分の日', en: 'Autumnal Equinox Day' },
  healthSports: { ja: '体育の日', en: 'Health and Sports Day' },
  sports: { ja: 'スポーツの日', en: 'Sports Day' },
  culture: { ja: '文化の日', en: 'Culture Day' },
  labor: { ja: '勤労感謝の日', en: 'Labor Thanksgiving Day' },
  substitute: { ja: '振替休日', en: 'Substitute Holiday' },
  citizens: { ja: '国民の休日', en: "Citizens' Holiday" },
} satisfies Record<string, LocalizedName>

/** Days made holidays by laws of their own, each counted as a 祝日 by that law. */
const ONE_OFF: Record<IsoDate, LocalizedName> = {
  '1959-04-10': { ja: '皇太子明仁親王の結婚の儀', en: 'Wedding of Crown Prince Akihito' },
  '1989-02-24': { ja: '昭和天皇の大喪の礼', en: 'State Funeral of Emperor Showa' },
  '1990-11-12': { ja: '即位礼正殿の儀', en: 'Enthronement Ceremony of Emperor Akihito' },
  '1993-06-09': { ja: '皇太子徳仁親王の結婚の儀', en: 'Wedding of Crown Prince Naruhito' },
  '2019-05-01': { ja: '天皇の即位の日', en: "Emperor's Accession Day" },
  '2019-10-22': { ja: '即位礼正殿の儀の行われる日', en: 'Enthronement Ceremony Day' },
}

const MONDAY = 1
const SUNDAY = 0
const LAW_IN_FORCE = dayNumberOf(1948, 7, 20)
const SUBSTITUTE_FROM = dayNumberOf(1973, 4, 12)
const CITIZENS_FROM = dayNumberOf(1985, 12, 27)
const NEW_RULES_FROM = dayNumberOf(2007, 1, 1)

/**
 * Day of the month of an equinox: the usual formula (as published with the
 * almanac), floor(C + 0.242194·(Y−1980) − leap days). Before 1980 the leap-day
 * term truncates toward zero, as in the published form; after 2150 each Gregorian
 * century without a leap day moves the date one day later.
 */
function equinoxDay(year: number, season: 'vernal' | 'autumnal'): number {
  const drift = 0.242194 * (year - 1980)
  if (year < 1980) {
    const c = season === 'vernal' ? 20.8357 : 23.2588

    return Math.floor(c + drift - Math.trunc((year - 1983) / 4))
  }
  const leap = Math.floor((year - 1980) / 4)
  if (year < 2100) return Math.floor((season === 'vernal' ? 20.8431 : 23.2488) + drift - leap)
  const skippedSince2100 = year <= 2150 ? 0 : Math.floor(year / 100) - Math.floor(year / 400) - 16

  return Math.floor((season === 'vernal' ? 21.851 : 24.2488) + drift - leap + skippedSince2100)
}

/** The 祝日 of a year (no substitute or citizens' days yet), unsorted. */
function statutoryHolidays(year: number): Map<DayNumber, LocalizedName> {
  const days = new Map<DayNumber, LocalizedName>()
  const on = (month: number, day: number, name: LocalizedName) => days.set(dayNumberOf(year, month, day), name)
  const monday = (month: number, nth: number, name: LocalizedName) => days.set(nthWeekdayOfMonth(year, month, MONDAY, nth), name)
  const from = (first: number, last = Infinity) => year >= first && year <= last

  if (from(1949)) on(1, 1, N.newYear)
  if (from(1949, 1999)) on(1, 15, N.comingOfAge)
  if (from(2000)) monday(1, 2, N.comingOfAge)
  if (from(1967)) on(2, 11, N.foundation)
  if (from(1949)) on(3, equinoxDay(year, 'vernal'), N.vernal)
  // April 29: Emperor Showa's birthday, then Greenery Day, then Showa Day.
  if (from(1949, 1988)) on(4, 29, N.emperor)
  if (from(1989, 2006)) on(4, 29, N.greenery)
  if (from(2007)) on(4, 29, N.showa)
  if (from(1949)) on(5, 3, N.constitution)
  if (from(2007)) on(5, 4, N.greenery)
  if (from(1949)) on(5, 5, N.children)
  // 2020 and 2021: moved around the Tokyo Olympics by special measures laws.
  if (year === 2020) {
    on(7, 23, N.marine)
    on(7, 24, N.sports)
    on(8, 10, N.mountain)
  } else if (year === 2021) {
    on(7, 22, N.marine)
    on(7, 23, N.sports)
    on(8, 8, N.mountain)
  } else {
    if (from(1996, 2002)) on(7, 20, N.marine)
    if (from(2003)) monday(7, 3, N.marine)
    if (from(2016)) on(8, 11, N.mountain)
    if (from(1966, 1999)) on(10, 10, N.healthSports)
    if (from(2000, 2019)) monday(10, 2, N.healthSports)
    if (from(2022)) monday(10, 2, N.sports)
  }
  if (from(1966, 2002)) on(9, 15, N.aged)
  if (from(2003)) monday(9, 3, N.aged)
  if (from(1948)) on(9, equinoxDay(year, 'autumnal'), N.autumnal)
  if (from(1948)) on(11, 3, N.culture)
  if (from(1948)) on(11, 23, N.labor)
  // The Emperor's birthday: none in 2019, the year of the accession.
  if (from(1989, 2018)) on(12, 23, N.emperor)
  if (from(2020)) on(2, 23, N.emperor)
  for (const [date, name] of Object.entries(ONE_OFF)) {
    if (date.startsWith(`${year}-`)) on(Number(date.slice(5, 7)), Number(date.slice(8, 10)), name)
  }
  for (const day of days.keys()) if (day < LAW_IN_FORCE) days.delete(day)

  return days
}

function computeYear(year: number): JapaneseHoliday[] {
  const statutory = statutoryHolidays(year)
  const isStatutory = (day: DayNumber) => statutory.has(day)
  const result = new Map<DayNumber, JapaneseHoliday>()
  for (const [day, name] of statutory) result.set(day, { date: isoDateOf(day), kind: 'national', name })

  for (const day of statutory.keys()) {
    if (weekdayOf(day) !== SUNDAY || day < SUBSTITUTE_FROM) continue
    let next = day + 1
    if (day >= NEW_RULES_FROM) {
      while (isStatutory(next)) next++
    } else if (isStatutory(next)) {
      continue // until 2006 only "the next day", and only when it was not a 祝日 itself
    }
    result.set(next, { date: isoDateOf(next), kind: 'substitute', name: N.substitute })
  }

  for (const day of statutory.keys()) {
    const between = day + 1
    if (between < CITIZENS_FROM || !isStatutory(between + 1) || isStatutory(between)) continue
    if (between < NEW_RULES_FROM && (weekdayOf(between) === SUNDAY || result.has(between))) continue
    result.set(between, { date: isoDateOf(between), kind: 'citizens', name: N.citizens })
  }

  return [...result.entries()].sort(([a], [b]) => a - b).map(([, holiday]) => holiday)
}

const cache = new Map<number, readonly JapaneseHoliday[]>()
const byDay = new Map<number, ReadonlyMap<DayNumber, JapaneseHoliday>>()

/** Every holiday of a year, sorted by date (none before 1948-07-20). */
export function japaneseHolidays(year: number): readonly JapaneseHoliday[] {
  if (!Number.isInteger(year)) throw new RangeError(`Not a year: ${year}`)
  let holidays = cache.get(year)
  if (!holidays) {
    holidays = Object.freeze(year < FIRST_HOLIDAY_YEAR ? [] : computeYear(year))
    cache.set(year, holidays)
  }

  return holidays
}

/** The holiday on a civil day, if any (day number as in civil-date.ts). */
export function japaneseHolidayOnDay(dayNumber: DayNumber): JapaneseHoliday | undefined {
  const year = civilOf(dayNumber).year
  let index = byDay.get(year)
  if (!index) {
    index = new Map(japaneseHolidays(year).map((h) => [parseIsoDate(h.date)!, h]))
    byDay.set(year, index)
  }

  return index.get(dayNumber)
}

/** The holiday on a `YYYY-MM-DD` date, if any. */
export function japaneseHolidayOn(date: IsoDate): JapaneseHoliday | undefined {
  return japaneseHolidays(Number(date.slice(0, 4))).find((h) => h.date === date)
}
