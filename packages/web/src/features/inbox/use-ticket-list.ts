import { useCallback, useEffect, useRef, useState } from 'react'
import { tickets } from '../../api/endpoints.ts'
import type { MeView, RealtimeEvent, TicketView } from '../../api/types.ts'
import type { SortKey, TicketFilter } from './filters.ts'
import { compareTickets, matchesFilter } from './filters.ts'
import { useRealtime } from '../../realtime/realtime-context.tsx'

const PAGE_SIZE = 100
/** Bursts of events (a bulk import) become one refetch. */
const REFRESH_DEBOUNCE_MS = 250

export interface TicketList {
  rows: TicketView[]
  hasMore: boolean
  loading: boolean
  error: unknown
  loadMore(): void
  reload(): void
}

/**
 * A cursor-paged list that stays current: realtime events refetch the first page
 * and merge it over the rows already loaded (the list keeps its length and scroll
 * position); a changed row further down is refetched alone and dropped when it no
 * longer matches the view.
 */
export function useTicketList(filter: TicketFilter, me: MeView, sort: SortKey = 'updated'): TicketList {
  const key = JSON.stringify([filter, sort])
  const [rows, setRows] = useState<TicketView[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<unknown>(null)
  const generation = useRef(0)
  const loadingMore = useRef(false)
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const filterRef = useRef(filter)
  filterRef.current = filter
  const sortRef = useRef(sort)
  sortRef.current = sort

  const loadFirst = useCallback(async (mode: 'reset' | 'merge') => {
    const mine = ++generation.current
    if (mode === 'reset') {
      setLoading(true)
      setRows([])
    }
    try {
      const page = await tickets.list(filterRef.current, null, PAGE_SIZE, undefined, sortRef.current)
      if (mine !== generation.current) return
      setError(null)
      if (mode === 'reset') {
        setRows(page.items)
        setCursor(page.nextCursor)
      } else {
        // Keyset order (the sort's key, then id): rows that sort after the fresh
        // page's last row are still valid and keep their place after it.
        const last = page.items[page.items.length - 1]
        const compare = compareTickets(sortRef.current)
        const older = (t: TicketView) => !last || compare(t, last) > 0
        setRows((previous) => {
          if (page.nextCursor === null) return page.items
          const fresh = new Set(page.items.map((t) => t.id))

          return [...page.items, ...previous.filter((t) => !fresh.has(t.id) && older(t))]
        })
        setCursor((c) => (page.nextCursor === null ? null : c ?? page.nextCursor))
      }
    } catch (err) {
      if (mine === generation.current) setError(err)
    } finally {
      if (mine === generation.current) setLoading(false)
    }
  }, [])

  useEffect(() => {
    void loadFirst('reset')
  }, [key, loadFirst])

  const loadMore = useCallback(() => {
    if (!cursor || loadingMore.current) return
    loadingMore.current = true
    const mine = generation.current
    tickets
      .list(filterRef.current, cursor, PAGE_SIZE, undefined, sortRef.current)
      .then((page) => {
        if (mine !== generation.current) return
        setRows((previous) => {
          const seen = new Set(previous.map((t) => t.id))

          return [...previous, ...page.items.filter((t) => !seen.has(t.id))]
        })
        setCursor(page.nextCursor)
      }, setError)
      .finally(() => {
        loadingMore.current = false
      })
  }, [cursor])

  const scheduleRefresh = useCallback(() => {
    if (refreshTimer.current) clearTimeout(refreshTimer.current)
    refreshTimer.current = setTimeout(() => void loadFirst('merge'), REFRESH_DEBOUNCE_MS)
  }, [loadFirst])

  const refreshRow = useCallback(async (ticketId: string) => {
    try {
      const ticket = await tickets.get(ticketId)
      setRows((previous) =>
        matchesFilter(ticket, filterRef.current, me)
          ? previous.map((t) => (t.id === ticket.id ? ticket : t))
          : previous.filter((t) => t.id !== ticket.id),
      )
    } catch {
      setRows((previous) => previous.filter((t) => t.id !== ticketId))
    }
  }, [me])

  const rowsRef = useRef(rows)
  rowsRef.current = rows
  const onEvent = useCallback((event: RealtimeEvent) => {
    if (event.type === 'presence.changed') return
    scheduleRefresh()
    const index = rowsRef.current.findIndex((t) => t.id === event.ticketId)
    if (index >= PAGE_SIZE) void refreshRow(event.ticketId)
  }, [scheduleRefresh, refreshRow])

  useRealtime(onEvent, scheduleRefresh)
  useEffect(() => () => {
    if (refreshTimer.current) clearTimeout(refreshTimer.current)
  }, [])

  return { rows, hasMore: cursor !== null, loading, error, loadMore, reload: () => void loadFirst('reset') }
}
