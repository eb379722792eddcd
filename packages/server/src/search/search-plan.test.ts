import { SEARCH_VISIBILITIES } from '@madoguchi/shared'
import type { SearchDocType } from '@madoguchi/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Dialect } from '../db/create-db.ts'
import { toQueryTerms } from '../lib/japanese-text.ts'
import { newId } from '../lib/ids.ts'
import { testDialects } from '../test/dialects.ts'
import { seedTestAccount } from '../test/fixtures.ts'
import type { TestDeps } from '../test/test-deps.ts'
import { createTestDeps } from '../test/test-deps.ts'
import { indexSearchDocument } from './search-index.ts'
import type { PostgresPlanCosts, SearchScope } from './search.repo.ts'
import { findCandidates, POSTGRES_PLAN_COSTS } from './search.repo.ts'

/**
 * Whichever way PostgreSQL reads the matches (walk, GIN bitmap ANDed with an id
 * range, whole bitmap; chosen by a cost model tuned for millions of documents), a
 * window is exactly the newest matches. Small data with a small probe and cost
 * models that force each way; SQLite (one way) must agree.
 */
const PLANS: Record<string, PostgresPlanCosts> = {
  default: POSTGRES_PLAN_COSTS,
  'walk on': { probeRows: 50, walkRowUs: 0, rangeRowUs: 1, postingUs: 1, matchRowUs: 1 },
  'id range': { probeRows: 50, walkRowUs: 1000, rangeRowUs: 0, postingUs: 0, matchRowUs: 1 },
  'whole bitmap': { probeRows: 50, walkRowUs: 1000, rangeRowUs: 1000, postingUs: 0, matchRowUs: 0 },
}

/** Document i (oldest first) mentions alpha: densely in the middle, sparsely at both ends. */
const mentions = (i: number) => (i >= 500 ? i % 25 === 0 : i >= 200 ? i % 10 === 0 : i % 50 === 0)

describe.each(testDialects())('search candidates on %s', (dialect: Dialect) => {
  let deps: TestDeps
  let scope: SearchScope
  /** Ids of the matching messages, newest first. */
  let matching: number[]
  let ids: number[]

  beforeAll(async () => {
    deps = await createTestDeps(dialect)
    const { accountId } = await seedTestAccount(deps)
    scope = { accountId, docTypes: ['message'], visibilities: SEARCH_VISIBILITIES, teamIds: null, hideRestrictedFor: null }
    await deps.transact(async (trx) => {
      for (let i = 0; i < 600; i++) {
        // Ticket subjects in between: a one-type search walks messages only.
        const type: SearchDocType = i % 3 === 0 ? 'ticket' : 'message'
        await indexSearchDocument(trx, dialect, { accountId, type, id: `doc-${i}`, ticketId: newId(), visibility: 'customer', title: '', text: mentions(i) ? `alpha ${i}` : `beta ${i}`, updatedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(), isNew: true })
      }
    })
    const rows = await deps.db.selectFrom('search_documents').select(['id', 'doc_id', 'doc_type']).where('account_id', '=', accountId).orderBy('id', 'desc').execute()
    ids = rows.filter((r) => r.doc_type === 'message').map((r) => Number(r.id))
    matching = rows.filter((r) => r.doc_type === 'message' && mentions(Number(r.doc_id.slice(4)))).map((r) => Number(r.id))
  })
  afterAll(async () => {
    await deps?.cleanup()
  })

  it.each(Object.keys(PLANS))('reads exactly the newest matches (%s)', async (plan) => {
    const terms = toQueryTerms('alpha')
    for (const limit of [3, 10, 30, 100]) {
      for (const upTo of [null, ids[150]!, ids[350]!]) {
        const found = await findCandidates(deps.db, dialect, terms, scope, upTo, limit, PLANS[plan])
        const expected = matching.filter((id) => upTo === null || id <= upTo).slice(0, limit)
        expect(found.map((c) => c.id), `limit ${limit}, up to ${upTo}`).toEqual(expected)
      }
    }
  })
})
