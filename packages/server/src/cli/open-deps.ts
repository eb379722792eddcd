import type { Config } from '../config.ts'
import { loadConfig } from '../config.ts'
import { migrateToLatest } from '../db/migrate.ts'
import type { Deps } from '../deps.ts'
import { buildDeps } from '../deps.ts'
import pino from 'pino'

export interface Opened {
  deps: Deps
  config: Config
  migrations: string[]
  close(): Promise<void>
}

/**
 * Config from the environment, deps, and the schema brought up to date (every
 * command migrates: harmless when current, and Kysely's lock serializes nodes).
 * One-shot commands log warnings only, so their own output stays readable.
 */
export async function openDeps(env: NodeJS.ProcessEnv, options: { quiet?: boolean } = {}): Promise<Opened> {
  const config = loadConfig(env)
  const logger = pino({ level: options.quiet && config.logLevel === 'info' ? 'warn' : config.logLevel })
  const deps = buildDeps(config, { logger })
  try {
    const migrations = await migrateToLatest(deps.db)

    return {
      deps,
      config,
      migrations,
      close: async () => {
        await deps.emailParser?.close()
        await deps.realtime.close()
        await deps.db.destroy()
      },
    }
  } catch (error) {
    await deps.emailParser?.close()
    await deps.realtime.close()
    await deps.db.destroy()
    throw error
  }
}
