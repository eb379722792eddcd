/**
 * What search indexing adds to a ticket creation (issue 6 asks for before/after):
 * the real createTicket use case in-process (no HTTP, so the database work is not
 * hidden behind request overhead), and the marginal cost of the index statements
 * alone (the new ticket's documents, subject and first message, inside one open
 * transaction, as the hook runs them). "Without indexing" = 1 / (1/with − marginal).
 */
import { buildDeps } from '../packages/server/src/deps.ts'
import { loadConfig } from '../packages/server/src/config.ts'
import type { Dialect } from '../packages/server/src/db/create-db.ts'
import { newId } from '../packages/server/src/lib/ids.ts'
import { seedTestAccount } from '../packages/server/src/test/fixtures.ts'
import { createTicket } from '../packages/server/src/tickets/create-ticket.ts'
import { newTicketDocuments } from '../packages/server/src/search/search-documents.ts'
import { insertNewSearchDocuments } from '../packages/server/src/search/search-index.ts'
import { JA_CONVERSATIONS, EN_CONVERSATIONS } from './generator/vocabulary.ts'
import { openBenchDb } from './lib/bench-db.ts'
import type { SearchBenchRow } from './search.ts'

const TICKETS = 2000

export async function measureIndexingCost(dialect: Dialect, log: (line: string) => void, pgUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'): Promise<SearchBenchRow[]> {
  const bench = await openBenchDb(dialect, 'search_create', pgUrl, { fresh: true })
  try {
    const deps = buildDeps({ ...loadConfig({ LOG_LEVEL: 'silent', MADOGUCHI_DEMO: '0' }), database: bench.config }, { db: bench.db })
    const account = await seedTestAccount(deps, 'Bench search create')
    const viewer = { accountId: account.accountId, agentId: account.agent.id, role: 'agent' as const, teamIds: [account.teamId] }
    const conversations = [...JA_CONVERSATIONS, ...EN_CONVERSATIONS]
    const run = async (n: number, offset: number) => {
      const started = performance.now()
      for (let i = 0; i < n; i++) {
        const c = conversations[(i + offset) % conversations.length]!
        await createTicket(deps, viewer, {
          subject: c.subject, channel: 'email', customer: { email: `search-create-${offset + i}@example.jp` }, message: { body: c.inbound },
        } as Parameters<typeof createTicket>[2])
      }

      return n / ((performance.now() - started) / 1000)
    }
    await run(200, 0) // warm-up
    const withIndexing = await run(TICKETS, 200)
    // The index statements alone, as many as the tickets above, in one transaction.
    const at = new Date().toISOString()
    const started = performance.now()
    await deps.db.transaction().execute(async (trx) => {
      for (let i = 0; i < TICKETS; i++) {
        const c = conversations[i % conversations.length]!
        const ticketId = newId()
        const documents = newTicketDocuments({ id: ticketId, account_id: account.accountId, subject: c.subject, team_id: null, updated_at: at }, {
          id: newId(), account_id: account.accountId, ticket_id: ticketId, kind: 'inbound', body_text: c.inbound, created_at: at,
        })
        await insertNewSearchDocuments(trx, dialect, documents)
      }
      throw new RollbackMarker()
    }).catch((error: unknown) => {
      if (!(error instanceof RollbackMarker)) throw error
    })
    const marginalMs = (performance.now() - started) / TICKETS
    const without = 1 / (1 / withIndexing - marginalMs / 1000)
    log(`  createTicket in-process: ${withIndexing.toFixed(0)}/s with indexing; index statements ${marginalMs.toFixed(3)} ms per ticket → ≈ ${without.toFixed(0)}/s without`)

    return [
      { dialect, label: 'create ticket in-process (use case), with search indexing', p50: withIndexing, p99: withIndexing, samples: TICKETS, note: 'tickets/s' },
      { dialect, label: 'create ticket: search index statements alone', p50: marginalMs, p99: marginalMs, samples: TICKETS, note: `ms per ticket (subject + first message); ≈ ${without.toFixed(0)}/s without indexing` },
    ]
  } finally {
    await bench.close()
  }
}

class RollbackMarker extends Error {}
