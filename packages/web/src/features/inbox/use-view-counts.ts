import { useCallback, useEffect, useRef, useState } from 'react'
import { tickets } from '../../api/endpoints.ts'
import type { TicketFilter } from './filters.ts'
import { useRealtime } from '../../realtime/realtime-context.tsx'

/** Counted up to one page; beyond that the badge says "100+" (a queue that long needs no exact figure). */
export const COUNT_CAP = 100
const REFRESH_DEBOUNCE_MS = 1000

export interface ViewCount {
  count: number
  more: boolean
}

/** Counts for the sidebar, refreshed (debounced) when anything changes live. */
export function useViewCounts(views: { key: string; filter: TicketFilter }[]): Record<string, ViewCount> {
  const [counts, setCounts] = useState<Record<string, ViewCount>>({})
  const signature = JSON.stringify(views)
  const viewsRef = useRef(views)
  viewsRef.current = views
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)

  const refresh = useCallback(() => {
    for (const view of viewsRef.current) {
      tickets.list(view.filter, null, COUNT_CAP).then(
        (page) => setCounts((c) => ({ ...c, [view.key]: { count: page.items.length, more: page.nextCursor !== null } })),
        () => undefined,
      )
    }
  }, [])

  useEffect(refresh, [signature, refresh])
  const schedule = useCallback(() => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = setTimeout(refresh, REFRESH_DEBOUNCE_MS)
  }, [refresh])
  useRealtime((event) => {
    if (event.type !== 'presence.changed') schedule()
  }, schedule)
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current)
  }, [])

  return counts
}
