import { describe, expect, it } from 'vitest'
import { weeksOf } from './month-grid.ts'

describe('weeksOf', () => {
  it.each([
    // [year, month (0-based), first row, weeks, last day]
    [2026, 0, [null, null, null, null, 1, 2, 3], 5, 31], // 2026-01-01 is a Thursday
    [2026, 1, [1, 2, 3, 4, 5, 6, 7], 4, 28], // February 2026 starts on a Sunday: four full weeks
    [2028, 1, [null, null, 1, 2, 3, 4, 5], 5, 29], // leap year
    [2026, 7, [null, null, null, null, null, null, 1], 6, 31], // August 2026 starts on a Saturday: six rows
  ] as const)('lays out %i-%i', (year, month, firstRow, weeks, lastDay) => {
    const grid = weeksOf(year, month)
    expect(grid[0]).toEqual(firstRow)
    expect(grid).toHaveLength(weeks)
    expect(grid.every((row) => row.length === 7)).toBe(true)
    expect(Math.max(...grid.flat().filter((d): d is number => d !== null))).toBe(lastDay)
  })
})
