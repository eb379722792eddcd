/** Most keys one call of `load` is given. */
const MAX_KEYS = 500

/**
 * A lookup by key whose lookups asked for in the same turn of the event loop are
 * made by one call of `load` (one statement instead of one per request: on
 * PostgreSQL each statement is a round trip, and under load many requests carry
 * the same API token). The answer is as fresh as a lookup of its own: nothing is
 * kept past the call.
 */
export function batchByTurn<K, V>(load: (keys: K[]) => Promise<Map<K, V>>): (key: K) => Promise<V | undefined> {
  let waiting: Array<{ key: K; resolve: (value: V | undefined) => void; reject: (error: unknown) => void }> = []

  const run = () => {
    const batch = waiting
    waiting = []
    const keys = [...new Set(batch.map((w) => w.key))]
    for (let start = 0; start < keys.length; start += MAX_KEYS) {
      const chunk = new Set(keys.slice(start, start + MAX_KEYS))
      const mine = batch.filter((w) => chunk.has(w.key))
      load([...chunk]).then(
        (found) => mine.forEach((w) => w.resolve(found.get(w.key))),
        (error: unknown) => mine.forEach((w) => w.reject(error)),
      )
    }
  }

  return (key) =>
    new Promise((resolve, reject) => {
      waiting.push({ key, resolve, reject })
      if (waiting.length === 1) setImmediate(run)
    })
}

/**
 * batchByTurn with one batch per owner (the deps of an app: each has its own
 * database), made on first use.
 */
export function batchByTurnFor<O extends object, K, V>(load: (owner: O, keys: K[]) => Promise<Map<K, V>>): (owner: O, key: K) => Promise<V | undefined> {
  const lookups = new WeakMap<O, (key: K) => Promise<V | undefined>>()

  return (owner, key) => {
    let lookup = lookups.get(owner)
    if (!lookup) lookups.set(owner, (lookup = batchByTurn((keys: K[]) => load(owner, keys))))

    return lookup(key)
  }
}
