import os from 'node:os'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/src/**/*.test.tsx'],
    exclude: ['**/node_modules/**', 'packages/web/e2e/**'],
    globalSetup: ['packages/server/src/test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Vitest's default is one worker per core minus one: a single worker on a 2-core CI
    // machine. The suites spend much of their time waiting on PostgreSQL, SMTP, IMAP and
    // timers, so two workers overlap that waiting: 653 s → 477 s for the whole suite there.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
  },
})
