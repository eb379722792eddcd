import type { Dialect } from '../../packages/server/src/db/create-db.ts'

/** What to run and how hard: `--quick` for a smoke run, env vars for the rest. */
export interface BenchOptions {
  quick: boolean
  dialects: Dialect[]
  /** Tickets in the large data set used by the latency benchmarks. */
  tickets: number
  /** Seconds each throughput run lasts. */
  duration: number
  connections: number
  pipelining: number
  /** Requests timed per filter in the latency benchmarks. */
  samples: number
  pgUrl: string
  /** Skip the 1M-ticket part (generation and latency). */
  skipLarge: boolean
}

/** The value of a `--name=value` argument of a bench script, or undefined. */
export function flag(name: string, argv: string[] = process.argv): string | undefined {
  return argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1]
}

export function benchOptions(argv: string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const quick = argv.includes('--quick')
  const dialects = (env.BENCH_DIALECTS ?? 'sqlite,postgres')
    .split(',')
    .map((d) => d.trim())
    .filter((d): d is Dialect => d === 'sqlite' || d === 'postgres')

  return {
    quick,
    dialects,
    tickets: Number(env.BENCH_TICKETS ?? (quick ? 20_000 : 1_000_000)),
    duration: Number(env.BENCH_DURATION ?? (quick ? 3 : 10)),
    connections: Number(env.BENCH_CONNECTIONS ?? 16),
    pipelining: Number(env.BENCH_PIPELINING ?? 4),
    samples: Number(env.BENCH_SAMPLES ?? (quick ? 100 : 500)),
    pgUrl: env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    skipLarge: argv.includes('--skip-large'),
  }
}
