import { defineConfig } from 'vitest/config'

// Browser tests: a real server process, Debian's chromium, one file at a time
// (2-core machines; each file has its own server and browser).
export default defineConfig({
  test: {
    root: new URL('.', import.meta.url).pathname,
    include: ['**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    pool: 'forks',
  },
})
