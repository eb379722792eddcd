import { describe, expect, it } from 'vitest'
import { parseIsoDate, weekdayOf } from './civil-date.ts'
import type { HolidayKind } from './japanese-holidays.ts'
import { japaneseHolidayOn, japaneseHolidays } from './japanese-holidays.ts'

type Row = [date: string, ja: string, kind?: HolidayKind]

/**
 * The Cabinet Office's list (内閣府「国民の祝日について」, syukujitsu.csv) for
 * 2024–2027, every day, written out by hand. The CSV calls substitute days and
 * citizens' holidays plain 「休日」; we name them 振替休日 and 国民の休日.
 */
const OFFICIAL: Record<number, Row[]> = {
  2024: [
    ['2024-01-01', '元日'], ['2024-01-08', '成人の日'], ['2024-02-11', '建国記念の日'],
    ['2024-02-12', '振替休日', 'substitute'], ['2024-02-23', '天皇誕生日'], ['2024-03-20', '春分の日'],
    ['2024-04-29', '昭和の日'], ['2024-05-03', '憲法記念日'], ['2024-05-04', 'みどりの日'],
    ['2024-05-05', 'こどもの日'], ['2024-05-06', '振替休日', 'substitute'], ['2024-07-15', '海の日'],
    ['2024-08-11', '山の日'], ['2024-08-12', '振替休日', 'substitute'], ['2024-09-16', '敬老の日'],
    ['2024-09-22', '秋分の日'], ['2024-09-23', '振替休日', 'substitute'], ['2024-10-14', 'スポーツの日'],
    ['2024-11-03', '文化の日'], ['2024-11-04', '振替休日', 'substitute'], ['2024-11-23', '勤労感謝の日'],
  ],
  2025: [
    ['2025-01-01', '元日'], ['2025-01-13', '成人の日'], ['2025-02-11', '建国記念の日'],
    ['2025-02-23', '天皇誕生日'], ['2025-02-24', '振替休日', 'substitute'], ['2025-03-20', '春分の日'],
    ['2025-04-29', '昭和の日'], ['2025-05-03', '憲法記念日'], ['2025-05-04', 'みどりの日'],
    ['2025-05-05', 'こどもの日'], ['2025-05-06', '振替休日', 'substitute'], ['2025-07-21', '海の日'],
    ['2025-08-11', '山の日'], ['2025-09-15', '敬老の日'], ['2025-09-23', '秋分の日'],
    ['2025-10-13', 'スポーツの日'], ['2025-11-03', '文化の日'], ['2025-11-23', '勤労感謝の日'],
    ['2025-11-24', '振替休日', 'substitute'],
  ],
  2026: [
    ['2026-01-01', '元日'], ['2026-01-12', '成人の日'], ['2026-02-11', '建国記念の日'],
    ['2026-02-23', '天皇誕生日'], ['2026-03-20', '春分の日'], ['2026-04-29', '昭和の日'],
    ['2026-05-03', '憲法記念日'], ['2026-05-04', 'みどりの日'], ['2026-05-05', 'こどもの日'],
    ['2026-05-06', '振替休日', 'substitute'], ['2026-07-20', '海の日'], ['2026-08-11', '山の日'],
    ['2026-09-21', '敬老の日'], ['2026-09-22', '国民の休日', 'citizens'], ['2026-09-23', '秋分の日'],
    ['2026-10-12', 'スポーツの日'], ['2026-11-03', '文化の日'], ['2026-11-23', '勤労感謝の日'],
  ],
  2027: [
    ['2027-01-01', '元日'], ['2027-01-11', '成人の日'], ['2027-02-11', '建国記念の日'],
    ['2027-02-23', '天皇誕生日'], ['2027-03-21', '春分の日'], ['2027-03-22', '振替休日', 'substitute'],
    ['2027-04-29', '昭和の日'], ['2027-05-03', '憲法記念日'], ['2027-05-04', 'みどりの日'],
    ['2027-05-05', 'こどもの日'], ['2027-07-19', '海の日'], ['2027-08-11', '山の日'],
    ['2027-09-20', '敬老の日'], ['2027-09-23', '秋分の日'], ['2027-10-11', 'スポーツの日'],
    ['2027-11-03', '文化の日'], ['2027-11-23', '勤労感謝の日'],
  ],
}

const simplify = (year: number) => japaneseHolidays(year).map((h) => [h.date, h.name.ja, h.kind] as const)

describe('Japanese holidays against the official list', () => {
  it.each([2024, 2025, 2026, 2027])('%i matches the Cabinet Office list exactly', (year) => {
    const expected = OFFICIAL[year]!.map(([date, ja, kind]) => [date, ja, kind ?? 'national'] as const)
    expect(simplify(year)).toEqual(expected)
  })

  it('gives every holiday an English name', () => {
    expect(japaneseHolidays(2026).map((h) => h.name.en)).toEqual([
      "New Year's Day", 'Coming of Age Day', 'National Foundation Day', "The Emperor's Birthday",
      'Vernal Equinox Day', 'Showa Day', 'Constitution Memorial Day', 'Greenery Day', "Children's Day",
      'Substitute Holiday', 'Marine Day', 'Mountain Day', 'Respect for the Aged Day', "Citizens' Holiday",
      'Autumnal Equinox Day', 'Sports Day', 'Culture Day', 'Labor Thanksgiving Day',
    ])
  })
})

describe('Japanese holidays: history and special cases', () => {
  it.each<[string, string | undefined, HolidayKind | undefined]>([
    // 2019: accession on May 1 makes Apr 30 and May 2 citizens' holidays (10-day Golden Week).
    ['2019-04-29', '昭和の日', 'national'],
    ['2019-04-30', '国民の休日', 'citizens'],
    ['2019-05-01', '天皇の即位の日', 'national'],
    ['2019-05-02', '国民の休日', 'citizens'],
    ['2019-05-06', '振替休日', 'substitute'],
    ['2019-10-22', '即位礼正殿の儀の行われる日', 'national'],
    ['2019-12-23', undefined, undefined], // no Emperor's birthday in 2019
    ['2018-12-23', '天皇誕生日', 'national'],
    ['2018-12-24', '振替休日', 'substitute'],
    ['2020-02-23', '天皇誕生日', 'national'],
    // Olympic moves.
    ['2020-07-23', '海の日', 'national'],
    ['2020-07-24', 'スポーツの日', 'national'],
    ['2020-08-10', '山の日', 'national'],
    ['2020-07-20', undefined, undefined],
    ['2020-10-12', undefined, undefined],
    ['2021-07-22', '海の日', 'national'],
    ['2021-07-23', 'スポーツの日', 'national'],
    ['2021-08-08', '山の日', 'national'],
    ['2021-08-09', '振替休日', 'substitute'],
    ['2021-10-11', undefined, undefined],
    ['2022-10-10', 'スポーツの日', 'national'],
    // Happy Monday: fixed dates until 1999/2002.
    ['1999-01-15', '成人の日', 'national'],
    ['2000-01-10', '成人の日', 'national'],
    ['1999-10-11', '振替休日', 'substitute'], // 体育の日 10/10 on a Sunday
    ['2000-10-09', '体育の日', 'national'],
    ['2002-07-20', '海の日', 'national'],
    ['2003-07-21', '海の日', 'national'],
    ['2002-09-15', '敬老の日', 'national'],
    ['2003-09-15', '敬老の日', 'national'],
    ['2016-08-11', '山の日', 'national'],
    ['2015-08-11', undefined, undefined],
    // April 29 and May 4 across the 1989 and 2007 changes.
    ['1988-04-29', '天皇誕生日', 'national'],
    ['1989-04-29', 'みどりの日', 'national'],
    ['2006-04-29', 'みどりの日', 'national'],
    ['2007-04-29', '昭和の日', 'national'],
    ['2007-04-30', '振替休日', 'substitute'],
    ['2007-05-04', 'みどりの日', 'national'],
    ['1988-05-04', '国民の休日', 'citizens'], // first citizens' holiday
    ['1992-05-04', '振替休日', 'substitute'], // 5/3 Sunday: until 2006 a substitute, not a citizens' day
    ['1997-05-04', undefined, undefined], // a Sunday between two 祝日: not a holiday before 2007
    ['2008-05-06', '振替休日', 'substitute'], // 5/4 Sunday → next non-holiday day
    ['2009-09-22', '国民の休日', 'citizens'],
    ['2015-09-22', '国民の休日', 'citizens'],
    // Substitute holidays start on 1973-04-12.
    ['1973-04-30', '振替休日', 'substitute'],
    ['1967-01-02', undefined, undefined], // 元日 1967 was a Sunday
    ['1966-09-15', '敬老の日', 'national'],
    ['1967-02-11', '建国記念の日', 'national'],
    ['1966-02-11', undefined, undefined],
    // One-off days and equinoxes off the usual date.
    ['1959-04-10', '皇太子明仁親王の結婚の儀', 'national'],
    ['1989-02-24', '昭和天皇の大喪の礼', 'national'],
    ['1990-11-12', '即位礼正殿の儀', 'national'],
    ['1993-06-09', '皇太子徳仁親王の結婚の儀', 'national'],
    ['1979-09-24', '秋分の日', 'national'],
    ['1960-03-20', '春分の日', 'national'],
    ['2012-09-22', '秋分の日', 'national'],
    ['2044-03-20', '春分の日', 'national'],
    ['2092-03-19', '春分の日', 'national'],
  ])('%s is %s', (date, ja, kind) => {
    const holiday = japaneseHolidayOn(date)
    expect(holiday?.name.ja).toBe(ja)
    expect(holiday?.kind).toBe(kind)
  })

  it('starts with the law of 1948-07-20: only three holidays that year, none before', () => {
    expect(simplify(1948)).toEqual([
      ['1948-09-23', '秋分の日', 'national'],
      ['1948-11-03', '文化の日', 'national'],
      ['1948-11-23', '勤労感謝の日', 'national'],
    ])
    expect(japaneseHolidays(1947)).toEqual([])
  })

  it('keeps its invariants for every year from 1948 to 2300', () => {
    for (let year = 1948; year <= 2300; year++) {
      const holidays = japaneseHolidays(year)
      const days = holidays.map((h) => parseIsoDate(h.date)!)
      // Sorted, unique, all in the year.
      expect(days).toEqual([...new Set(days)].sort((a, b) => a - b))
      expect(holidays.every((h) => h.date.startsWith(`${year}-`))).toBe(true)
      const national = new Set(holidays.filter((h) => h.kind === 'national').map((h) => parseIsoDate(h.date)!))
      for (const [i, h] of holidays.entries()) {
        const day = days[i]!
        if (h.kind === 'substitute') {
          // Follows a Sunday 祝日, possibly across a run of 祝日.
          let back = day - 1
          while (national.has(back) && weekdayOf(back) !== 0) back--
          expect(weekdayOf(back)).toBe(0)
          expect(national.has(back)).toBe(true)
        }
        if (h.kind === 'citizens') expect(national.has(day - 1) && national.has(day + 1)).toBe(true)
      }
      // Equinoxes stay where the sun puts them.
      const vernal = holidays.find((h) => h.name.ja === '春分の日')
      const autumnal = holidays.find((h) => h.name.ja === '秋分の日')!
      if (year >= 1949) expect(vernal?.date.slice(5)).toMatch(/^03-(19|20|21|22)$/)
      expect(autumnal.date.slice(5)).toMatch(/^09-(21|22|23|24)$/)
    }
  })
})
