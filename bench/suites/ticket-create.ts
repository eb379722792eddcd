import type { Dialect } from '../../packages/server/src/db/create-db.ts'
import { buildDeps } from '../../packages/server/src/deps.ts'
import { loadConfig } from '../../packages/server/src/config.ts'
import { seedTestAccount } from '../../packages/server/src/test/fixtures.ts'
import { EN_CONVERSATIONS, JA_CONVERSATIONS, TAG_WEIGHTS } from '../generator/vocabulary.ts'
import { openBenchDb } from '../lib/bench-db.ts'
import { createClient } from '../lib/http-client.ts'
import type { LoadResult } from '../lib/load.ts'
import { runServerLoad } from '../lib/load.ts'
import type { BenchOptions } from '../lib/options.ts'
import { spawnServer } from '../lib/spawn-server.ts'
import { pick, seededRandom } from '../lib/stats.ts'
import { measureRawInserts } from './raw-insert.ts'

export interface CreateResult {
  dialect: Dialect
  load: LoadResult
  rawInsertsPerSec: number
  ticketsInDb: number
}

const CHANNELS = ['email', 'chat', 'line', 'phone', 'web_form', 'walk_in'] as const
const WARM_UP_TICKETS = 300

/**
 * `POST /api/v1/tickets` over real HTTP with a bearer token on a fresh database:
 * half the requests name a new customer by e-mail (customer created in the same
 * transaction), a quarter an existing one by id, a quarter by CRN.
 */
export async function measureTicketCreation(dialect: Dialect, options: BenchOptions): Promise<CreateResult> {
  const bench = await openBenchDb(dialect, 'create', options.pgUrl, { fresh: true })
  const deps = buildDeps({ ...loadConfig({ LOG_LEVEL: 'silent', MADOGUCHI_DEMO: '0' }), database: bench.config }, { db: bench.db })
  const account = await seedTestAccount(deps, 'Bench create')
  const rawInsertsPerSec = await measureRawInserts(bench, options.duration)
  const server = await spawnServer({ kind: 'app', database: bench.config })
  try {
    const rand = seededRandom(7)
    let serial = 0
    const ticket = (customer: unknown) => {
      const ja = rand() < 0.7
      const conv = pick(rand, ja ? JA_CONVERSATIONS : EN_CONVERSATIONS)
      const tags = TAG_WEIGHTS.filter(([, w]) => rand() < w * 5).map(([t]) => t).slice(0, 3)

      return { subject: conv.subject, customer, channel: pick(rand, CHANNELS), message: { body: conv.inbound }, category: conv.category, tags }
    }
    const newCustomer = () => {
      serial++

      return { email: `bench.${process.pid}.${serial}@example.jp`, name: `ベンチ 太郎${serial}`, language: 'ja' }
    }

    // Warm-up (also gives existing customers to refer to): one connection, sequential.
    const client = createClient(server.url, account.admin.headers)
    const known: Array<{ id: string; crn: string }> = []
    for (let i = 0; i < WARM_UP_TICKETS; i++) {
      const res = await client.post('/api/v1/tickets', ticket(newCustomer()))
      if (res.status !== 201) throw new Error(`warm-up POST /tickets answered ${res.status}: ${res.body}`)
      const created = JSON.parse(res.body) as { customer: { id: string; crn: string } }
      known.push({ id: created.customer.id, crn: created.customer.crn })
    }
    client.close()

    const load = await runServerLoad(
      server,
      {
        url: `${server.url}/api/v1/tickets`,
        method: 'POST',
        headers: account.admin.headers,
        body: () => {
          const r = rand()
          const existing = pick(rand, known)

          return JSON.stringify(ticket(r < 0.5 ? newCustomer() : r < 0.75 ? { id: existing.id } : { crn: existing.crn }))
        },
      },
      options,
    )
    const count = await bench.db.selectFrom('tickets').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()

    return { dialect, load, rawInsertsPerSec, ticketsInDb: Number(count.n) }
  } finally {
    await server.stop()
    // buildDeps opened a LISTEN connection on PostgreSQL: close it or the run never exits.
    await deps.realtime.close()
    await bench.close()
  }
}
