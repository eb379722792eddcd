import { createClient } from '../lib/http-client.ts'
import type { LoadResult } from '../lib/load.ts'
import { runServerLoad } from '../lib/load.ts'
import type { BenchOptions } from '../lib/options.ts'
import { spawnServer } from '../lib/spawn-server.ts'
import { percentile } from '../lib/stats.ts'

export interface HelloBaseline {
  /** Throughput of `GET /` → `{"hello":"world"}`, same autocannon settings as ticket creation. */
  load: LoadResult
  /** Sequential round-trip of `GET /` on one keep-alive connection. */
  p50: number
  p99: number
}

/** Baseline A: a bare Fastify app in its own process, over real HTTP. */
export async function measureHello(options: BenchOptions): Promise<HelloBaseline> {
  const server = await spawnServer({ kind: 'hello' })
  try {
    const load = await runServerLoad(server, { url: `${server.url}/` }, options)
    const client = createClient(server.url)
    for (let i = 0; i < 50; i++) await client.get('/')
    const samples: number[] = []
    for (let i = 0; i < options.samples * 2; i++) samples.push((await client.get('/')).ms)
    client.close()

    return { load, p50: percentile(samples, 50), p99: percentile(samples, 99) }
  } finally {
    await server.stop()
  }
}
