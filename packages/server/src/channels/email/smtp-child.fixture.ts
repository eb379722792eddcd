/**
 * A separate process running only the SMTP server, for the crash test: with
 * SMTP_CRASH_AFTER_STORE=1 it prints STORED once the raw message is committed and
 * then never answers, so the test can kill it between "stored" and "250".
 */
import pino from 'pino'
import { loadConfig } from '../../config.ts'
import type { DatabaseConfig } from '../../config.ts'
import { buildDeps } from '../../deps.ts'
import { startSmtpServer } from './smtp-server.ts'

const database = JSON.parse(process.env.SMTP_CHILD_DATABASE ?? '{}') as DatabaseConfig
const config = { ...loadConfig({ LOG_LEVEL: 'silent', MADOGUCHI_DEMO: '0' }), database, dataDir: process.env.SMTP_CHILD_DATA_DIR ?? './data' }
const deps = buildDeps(config, { logger: pino({ level: 'silent' }) })
const crash = process.env.SMTP_CRASH_AFTER_STORE === '1'
const server = await startSmtpServer(deps, {
  port: 0,
  host: '127.0.0.1',
  beforeAcknowledge: crash
    ? async () => {
        process.stdout.write('STORED\n')
        await new Promise(() => {})
      }
    : undefined,
})
process.stdout.write(`PORT ${server.port}\n`)
