// A parse worker entry for tests (parse-pool.test.ts): a message with an
// `X-Test-Worker:` header makes the worker hang, exit, or throw outside the task,
// as a hostile message might; anything else is parsed by the real task.
import { register } from 'tsx/esm/api'

register()
const task = await import('./parse-worker-task.ts')

export default async function hostile(items) {
  for (const { raw } of items) {
    const head = Buffer.from(raw.buffer, raw.byteOffset, Math.min(raw.byteLength, 4096)).toString('latin1')
    const mode = /X-Test-Worker: (\w+)/.exec(head)?.[1]
    if (mode === 'hang') for (;;) { /* a parse that never ends */ }
    if (mode === 'exit') process.exit(3)
    if (mode === 'uncaught') {
      setTimeout(() => { throw new Error('thrown outside the task') }, 1)

      return new Promise(() => {})
    }
  }

  return task.default(items)
}
