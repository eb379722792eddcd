import { useCallback, useEffect, useRef, useState } from 'react'

export interface AsyncState<T> {
  data: T | undefined
  error: unknown
  loading: boolean
  reload(): void
  setData(update: T | ((previous: T | undefined) => T)): void
}

/**
 * Runs `load` when `key` changes and on `reload()`; answers that arrive after a
 * newer request started are dropped, so quick navigation never shows stale data.
 * Reloads keep showing the previous data (no flicker on live refreshes).
 */
export function useAsync<T>(load: () => Promise<T>, key: string): AsyncState<T> {
  const [data, setData] = useState<T | undefined>(undefined)
  const [error, setError] = useState<unknown>(null)
  const [loading, setLoading] = useState(true)
  const [tick, setTick] = useState(0)
  const sequence = useRef(0)
  const loadRef = useRef(load)
  loadRef.current = load
  const lastKey = useRef(key)

  useEffect(() => {
    const mine = ++sequence.current
    if (lastKey.current !== key) {
      lastKey.current = key
      setData(undefined)
    }
    setLoading(true)
    loadRef.current().then(
      (value) => {
        if (mine !== sequence.current) return
        setData(value)
        setError(null)
        setLoading(false)
      },
      (err: unknown) => {
        if (mine !== sequence.current) return
        setError(err)
        setLoading(false)
      },
    )
  }, [key, tick])

  const reload = useCallback(() => setTick((n) => n + 1), [])

  return { data, error, loading, reload, setData }
}
