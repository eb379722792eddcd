import { useCallback, useEffect, useRef, useState } from 'react'
import { tickets } from '../../api/endpoints.ts'
import type { TicketFilter } from './filters.ts'
import { useRealtime } from '../../realtime/realtime-context.tsx'

/** The server counts exactly up to here (GET /tickets/count, TICKET_COUNT_CAP); past it the badge says "10,000+". */
export const COUNT_CAP = 10_000
/** Views per POST /tickets/counts (the server's TICKET_COUNTS_MAX; the app imports only types from the shared package). */
const VIEWS_PER_REQUEST = 30
/**
 * Live events refresh the counts at most this often: the first event starts the
 * wait and later ones ride along, so a burst (a bulk import, a busy queue) costs one
 * count request per agent, never one per event.
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
    const views = viewsRef.current
    if (views.length === 0) return
    // One request for the whole sidebar (POST /tickets/counts), not one per view.
    for (let from = 0; from < views.length; from += VIEWS_PER_REQUEST) {
      const part = views.slice(from, from + VIEWS_PER_REQUEST)
      tickets.counts(part.map((view) => view.filter), controller.signal).then(
        (result) => setCounts((c) => ({ ...c, ...Object.fromEntries(part.map((view, i) => [view.key, { count: result.counts[i]!.count, more: result.counts[i]!.capped }])) })),
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
