import { useCallback, useEffect, useRef, useState } from 'react'
import { tickets } from '../../api/endpoints.ts'
import type { TicketFilter } from './filters.ts'
import { useRealtime } from '../../realtime/realtime-context.tsx'

/** The server counts exactly up to here (GET /tickets/count, TICKET_COUNT_CAP); past it the badge says "10,000+". */
export const COUNT_CAP = 10_000
/**
 * Live events refresh the counts at most this often: the first event starts the
 * wait and later ones ride along, so a burst (a bulk import, a busy queue) costs one
 * round of count requests per agent, never one per event.
 */
export const REFRESH_INTERVAL_MS = 1000

export interface ViewCount {
  count: number
  more: boolean
}

/** Counts for the sidebar, refreshed (throttled) when anything changes live. */
export function useViewCounts(views: { key: string; filter: TicketFilter }[]): Record<string, ViewCount> {
  const [counts, setCounts] = useState<Record<string, ViewCount>>({})
  const signature = JSON.stringify(views)
  const viewsRef = useRef(views)
  viewsRef.current = views
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const inFlight = useRef<AbortController | null>(null)

  const refresh = useCallback(() => {
    timer.current = null
    // A newer round supersedes an unfinished one: its answers would be older anyway.
    inFlight.current?.abort()
    const controller = new AbortController()
    inFlight.current = controller
    for (const view of viewsRef.current) {
      tickets.count(view.filter, controller.signal).then(
        (result) => setCounts((c) => ({ ...c, [view.key]: { count: result.count, more: result.capped } })),
        () => undefined,
      )
    }
  }, [])

  useEffect(refresh, [signature, refresh])
  const schedule = useCallback(() => {
    if (timer.current === null) timer.current = setTimeout(refresh, REFRESH_INTERVAL_MS)
  }, [refresh])
  useRealtime((event) => {
    if (event.type !== 'presence.changed') schedule()
  }, schedule)
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current)
    inFlight.current?.abort()
  }, [])

  return counts
}
