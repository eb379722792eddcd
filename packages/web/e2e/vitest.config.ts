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
    // One retry: on a loaded 2-core runner a browser step can miss a timing window.
    // A retried test is still listed in the output (×1), so a real flake stays visible.
    retry: 1,
  },
})
