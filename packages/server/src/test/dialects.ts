import type { Dialect } from '../db/create-db.ts'

/**
 * The dialects every database suite runs on: SQLite always, PostgreSQL when
 * TEST_DATABASE_URL is set (`DIALECTS=sqlite` or `DIALECTS=postgres` narrows it).
 */
export function testDialects(): Dialect[] {
  const wanted = (process.env.DIALECTS ?? 'sqlite,postgres').split(',').map((d) => d.trim())
  const dialects: Dialect[] = []
  if (wanted.includes('sqlite')) dialects.push('sqlite')
  if (wanted.includes('postgres') && process.env.TEST_DATABASE_URL) dialects.push('postgres')

  return dialects
}
