/**
 * `npm run bench` (full: 1,000,000 tickets) or `npm run bench -- --quick`.
 * Every figure comes with its ratio to baselines measured in the same run
 * (A: bare Fastify over HTTP; B: raw INSERT loop on the same database; C for
 * email: ticket creation from an inbound message alone), so that results stay
 * comparable on a noisy machine. See docs/benchmarks.md.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { measureSustained } from './email-sustained.ts'
import { measureEmail } from './email-throughput.ts'
import { ensureLargeDataSet } from './generate-data.ts'
import { DATA_DIR } from './lib/bench-db.ts'
import { benchOptions } from './lib/options.ts'
import type { Row } from './lib/table.ts'
import { fmt, formatMarkdown, formatTable, verdict } from './lib/table.ts'
import { measureHello } from './suites/hello.ts'
import { measureLatency } from './suites/latency.ts'
import { emailRows, sustainedRow } from './suites/email-rows.ts'
import { countListQueries } from './suites/query-count.ts'
import { measureTicketCreation } from './suites/ticket-create.ts'
import { measureSearch, toBenchRows } from './search.ts'

const CREATE_TARGET = { sqlite: 2_000, postgres: 1_000 } as const
const LIST_P99_MS = 20
const LOOKUP_P99_MS = 5
const GENERATE_MAX_S = 600

async function main(): Promise<void> {
  const options = benchOptions()
  const machine = {
    date: new Date().toISOString(),
    cpus: os.cpus().length,
    model: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    loadAverageAtStart: os.loadavg().map((l) => l.toFixed(2)).join(' '),
  }
  const log = (line: string) => console.log(line)
  log(`Madoguchi benchmarks ${options.quick ? '(quick)' : '(full)'}: ${machine.date}, ${machine.cpus} × ${machine.model}, Node ${machine.node}, load ${machine.loadAverageAtStart}`)
  log(`dialects ${options.dialects.join(', ')}; ${options.tickets.toLocaleString('en-US')} tickets; ${options.duration} s per load run, ${options.connections} connections × pipelining ${options.pipelining}; ${options.samples} samples per latency case\n`)
  const rows: Row[] = []
  const notes: string[] = []

  log('baseline A: bare Fastify hello world…')
  const hello = await measureHello(options)
  rows.push({ benchmark: 'A: hello world GET / (bare Fastify)', dialect: '-', figure: fmt.rate(hello.load.okPerSec), vsHello: '1.00×', vsRawInsert: '', target: '', verdict: '' })
  const helloCpu = hello.load.cpuMsPerRequest ?? Number.NaN
  rows.push({ benchmark: 'A: hello world, server CPU per request', dialect: '-', figure: `${helloCpu.toFixed(3)} ms`, vsHello: '1.00×', vsRawInsert: '', target: '', verdict: '' })
  rows.push({ benchmark: 'A: hello world round-trip, 1 conn', dialect: '-', figure: `p50 ${fmt.ms(hello.p50)} / p99 ${fmt.ms(hello.p99)}`, vsHello: '1.00×', vsRawInsert: '', target: '', verdict: '' })

  for (const dialect of options.dialects) {
    log(`${dialect}: baseline B and POST /tickets…`)
    const create = await measureTicketCreation(dialect, options)
    rows.push({ benchmark: 'B: raw INSERT loop (driver only)', dialect, figure: fmt.rate(create.rawInsertsPerSec), vsHello: fmt.ratio(create.rawInsertsPerSec / hello.load.okPerSec), vsRawInsert: '1.00×', target: '', verdict: '' })
    const ok = create.load.okPerSec >= CREATE_TARGET[dialect] && create.load.errors === 0 && create.load.non2xx === 0
    rows.push({
      benchmark: 'POST /tickets over HTTP (201/s)', dialect, figure: fmt.rate(create.load.okPerSec),
      vsHello: fmt.ratio(create.load.okPerSec / hello.load.okPerSec), vsRawInsert: fmt.ratio(create.load.okPerSec / create.rawInsertsPerSec),
      target: `≥ ${CREATE_TARGET[dialect].toLocaleString('en-US')}/s`, verdict: verdict(ok),
    })
    const cpu = create.load.cpuMsPerRequest ?? Number.NaN
    rows.push({
      benchmark: 'POST /tickets, server CPU per ticket', dialect, figure: `${cpu.toFixed(2)} ms (≤ ${fmt.rate(1000 / cpu)} per core)`,
      vsHello: fmt.ratio(cpu / helloCpu), vsRawInsert: '', target: '', verdict: '',
    })
    notes.push(`${dialect} POST /tickets: latency p50 ${create.load.latencyP50} ms, p99 ${create.load.latencyP99} ms; status codes ${JSON.stringify(create.load.statusCodes)}; errors ${create.load.errors}; ${create.ticketsInDb} tickets in the database afterwards`)
  }

  for (const dialect of options.dialects) {
    log(`${dialect}: email (baseline C, parse-and-store, SMTP)…`)
    rows.push(...emailRows(dialect, await measureEmail(dialect, options), hello.load.okPerSec))
    log(`${dialect}: email sustained…`)
    rows.push(sustainedRow(dialect, await measureSustained(dialect, options)))
  }

  if (!options.skipLarge) {
    for (const dialect of options.dialects) {
      log(`${dialect}: data set of ${options.tickets.toLocaleString('en-US')} tickets…`)
      const data = await ensureLargeDataSet(dialect, options.tickets, options.pgUrl, (line) => log(line))
      rows.push({
        benchmark: `generate ${options.tickets.toLocaleString('en-US')} tickets`, dialect,
        figure: data.generatedSeconds === null ? 'reused' : `${data.generatedSeconds.toFixed(0)} s`, vsHello: '', vsRawInsert: '',
        target: `≤ ${GENERATE_MAX_S} s`, verdict: data.generatedSeconds === null ? '' : verdict(data.generatedSeconds <= GENERATE_MAX_S),
      })
      try {
        log(`${dialect}: latency…`)
        for (const f of await measureLatency(data, options)) {
          const limit = f.kind === 'list' ? LIST_P99_MS : LOOKUP_P99_MS
          const ok = f.p99 <= limit && f.failures === 0
          rows.push({
            benchmark: f.name, dialect, figure: `p50 ${fmt.ms(f.p50)} / p99 ${fmt.ms(f.p99)} (cpu ${fmt.ms(f.cpuMs)})`, vsHello: fmt.ratio(f.p99 / hello.p99), vsRawInsert: '',
            target: `p99 ≤ ${limit} ms`, verdict: verdict(ok),
          })
          if (!ok || f.failures > 0) notes.push(`${dialect} ${f.name}: ${f.failures} failures of ${f.samples}; max ${fmt.ms(f.max)}; slowest: ${f.slowest.join(' | ')}`)
        }
        log(`${dialect}: queries per list request…`)
        for (const q of await countListQueries(data)) {
          rows.push({
            benchmark: `queries: GET ${q.path.replace('/api/v1', '')}`, dialect, figure: `${q.at10} @10 / ${q.at100} @100 (${q.items100} items)`,
            vsHello: '', vsRawInsert: '', target: 'same count', verdict: verdict(q.at10 === q.at100),
          })
        }
      } finally {
        await data.bench.close()
      }
    }
  }

  if (!options.skipLarge) {
    // Issue 6: search on the same data set (bench/search.ts builds the index on first use).
    for (const dialect of options.dialects) rows.push(...toBenchRows(await measureSearch(dialect, options.tickets, options.pgUrl, options.quick ? 10 : 30)))
  }

  const loadAtEnd = os.loadavg().map((l) => l.toFixed(2)).join(' ')
  log(`\n${formatTable(rows)}\n`)
  for (const note of notes) log(`- ${note}`)
  log(`\nload average at start ${machine.loadAverageAtStart}, at end ${loadAtEnd}`)
  fs.mkdirSync(DATA_DIR, { recursive: true })
  const stamp = machine.date.replace(/[:.]/g, '-')
  const file = path.join(DATA_DIR, `results-${options.quick ? 'quick' : 'full'}-${stamp}`)
  fs.writeFileSync(`${file}.json`, JSON.stringify({ machine: { ...machine, loadAverageAtEnd: loadAtEnd }, options, rows, notes }, null, 2))
  fs.writeFileSync(`${file}.md`, `${formatMarkdown(rows)}\n\n${notes.map((n) => `- ${n}`).join('\n')}\n`)
  log(`results written to ${path.relative(process.cwd(), file)}.{json,md}`)
  if (rows.some((r) => r.verdict === 'MISSED')) process.exitCode = 1
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
