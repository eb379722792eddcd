#!/usr/bin/env node
// The `madoguchi` command: runs the TypeScript sources directly through tsx (no build step).
import { register } from 'tsx/esm/api'

register()
await import(new URL('../packages/server/src/main.ts', import.meta.url).href)
