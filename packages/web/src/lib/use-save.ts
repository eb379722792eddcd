import { useCallback, useState } from 'react'

export interface SaveState {
  /** The last save's error (shown beside the form), or null. */
  error: unknown
  /** True after the last save succeeded, until the next one starts or clearSaved. */
  saved: boolean
  /** True while a save runs (to disable its button). */
  busy: boolean
  /** Runs a save: clears both, then records success or the error (never throws). */
  run(save: () => Promise<void>): Promise<void>
  /** Forgets a success: the form changed since. */
  clearSaved(): void
}

/** What every settings form does around its save call, in one place. */
export function useSave(): SaveState {
  const [error, setError] = useState<unknown>(null)
  const [saved, setSaved] = useState(false)
  const [busy, setBusy] = useState(false)
  const run = useCallback(async (save: () => Promise<void>) => {
    setError(null)
    setSaved(false)
    setBusy(true)
    try {
      await save()
      setSaved(true)
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }, [])
  const clearSaved = useCallback(() => setSaved(false), [])

  return { error, saved, busy, run, clearSaved }
}
