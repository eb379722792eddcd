// Entry of an email parse worker (parse-pool.ts). JavaScript, because a worker
// thread starts without the TypeScript loader its parent registered (bin/madoguchi.mjs,
// bin/run-ts.mjs, vitest): it registers tsx for itself, then loads the task.
import { register } from 'tsx/esm/api'

register()
const task = await import('./parse-worker-task.ts')

export default task.default
