import { z } from 'zod'
import os from 'node:os'
import path from 'node:path'

/** Environment → typed configuration, validated once at start-up. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().optional(),
  MADOGUCHI_DATA_DIR: z.string().default('./data'),
  MADOGUCHI_DEMO: z.enum(['0', '1']).default('1'),
  MADOGUCHI_ADMIN_EMAIL: z.string().email().optional(),
  MADOGUCHI_ADMIN_PASSWORD: z.string().min(8).optional(),
  MADOGUCHI_SMTP_PORT: z.coerce.number().int().min(0).max(65535).default(2525),
  /** Worker threads that parse inbound mail (channels/email/parse-pool.ts); 0 parses on the main thread. */
  MADOGUCHI_PARSE_THREADS: z.coerce.number().int().min(0).max(64).optional(),
  MADOGUCHI_PUBLIC_URL: z.string().url().optional(),
  MADOGUCHI_SECURE_COOKIES: z.enum(['0', '1']).optional(),
  /** 1 behind a reverse proxy / load balancer: client IPs (login rate limits, audit) come from X-Forwarded-For. */
  MADOGUCHI_TRUST_PROXY: z.enum(['0', '1']).default('0'),
  /** Who may read GET /metrics: `local` (this host, not via a proxy), `public`/`1`, `off`/`0`. */
  MADOGUCHI_METRICS: z.enum(['local', 'public', 'off', '1', '0']).default('local'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
})

export type DatabaseConfig =
  | { dialect: 'sqlite'; filename: string }
  | { dialect: 'postgres'; url: string; schema?: string }

export interface Config {
  port: number
  host: string
  database: DatabaseConfig
  dataDir: string
  loadDemo: boolean
  admin: { email?: string; password?: string }
  smtpPort: number
  /** Email parse worker threads; 0 = parse on the main thread. */
  parseThreads: number
  publicUrl: string
  secureCookies: boolean
  metrics: 'local' | 'public' | 'off'
  trustProxy: boolean
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL']
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new Error(`Invalid configuration: ${problems}`)
  }
  const e = parsed.data
  const dataDir = path.resolve(e.MADOGUCHI_DATA_DIR)
  const database: DatabaseConfig = e.DATABASE_URL?.startsWith('postgres')
    ? { dialect: 'postgres', url: e.DATABASE_URL }
    : { dialect: 'sqlite', filename: e.DATABASE_URL?.replace(/^sqlite:(\/\/)?/, '') || path.join(dataDir, 'madoguchi.db') }
  const publicUrl = e.MADOGUCHI_PUBLIC_URL ?? `http://localhost:${e.PORT}`

  return {
    port: e.PORT,
    host: e.HOST,
    database,
    dataDir,
    loadDemo: e.MADOGUCHI_DEMO === '1',
    admin: { email: e.MADOGUCHI_ADMIN_EMAIL, password: e.MADOGUCHI_ADMIN_PASSWORD },
    smtpPort: e.MADOGUCHI_SMTP_PORT,
    // One core stays with the main thread (HTTP, SMTP, database); parsing gets the others.
    parseThreads: e.MADOGUCHI_PARSE_THREADS ?? Math.max(1, os.availableParallelism() - 1),
    publicUrl,
    // Secure cookies only work over HTTPS; default to what the public URL says.
    secureCookies: e.MADOGUCHI_SECURE_COOKIES ? e.MADOGUCHI_SECURE_COOKIES === '1' : publicUrl.startsWith('https:'),
    logLevel: e.LOG_LEVEL,
    trustProxy: e.MADOGUCHI_TRUST_PROXY === '1',
    metrics: e.MADOGUCHI_METRICS === '1' ? 'public' : e.MADOGUCHI_METRICS === '0' ? 'off' : e.MADOGUCHI_METRICS,
  }
}
