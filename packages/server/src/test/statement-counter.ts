import type { KyselyPlugin } from 'kysely'
import { createTransact } from '../db/transact.ts'
import type { Deps } from '../deps.ts'

export type StatementCounter = KyselyPlugin & { count: number }

/**
 * Counts every statement the app runs. Counted on results, not on transformQuery:
 * Kysely also passes subquery builders through transformQuery.
 */
export function statementCounter(): StatementCounter {
  return {
    count: 0,
    transformQuery: (args) => args.node,
    async transformResult(args) {
      this.count++

      return args.result
    },
  }
}

/** The same deps with every statement counted, write transactions included. */
export function countingDeps<D extends Deps>(deps: D): { deps: D; counter: StatementCounter } {
  const counter = statementCounter()
  const db = deps.db.withPlugin(counter)

  return { deps: { ...deps, db, transact: createTransact(db, deps.dialect) }, counter }
}
