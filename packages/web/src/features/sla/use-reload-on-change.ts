import { useEffect, useRef } from 'react'

/**
 * Calls `reload` when `version` changes (e.g. the ticket's updatedAt), but not
 * for the first value: the first load already read that state.
 */
export function useReloadOnChange(version: string | undefined, reload: () => void): void {
  const seen = useRef<string | undefined>(undefined)
  useEffect(() => {
    if (version === undefined) return
    const previous = seen.current
    seen.current = version
    if (previous !== undefined && previous !== version) reload()
  }, [version, reload])
}
