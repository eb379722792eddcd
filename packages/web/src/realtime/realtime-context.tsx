import { createContext, useContext, useEffect, useRef, useState } from 'react'
import type { ReactNode } from 'react'
import type { RealtimeEvent } from '../api/types.ts'
import type { ConnectionState } from './realtime-client.ts'
import { RealtimeClient, realtimeUrl } from './realtime-client.ts'

const RealtimeContext = createContext<RealtimeClient | null>(null)

/** One socket for the signed-in agent; closed on sign-out (the provider unmounts). */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const [client] = useState(() => new RealtimeClient(realtimeUrl()))
  useEffect(() => {
    client.start()

    return () => client.stop()
  }, [client])

  return <RealtimeContext.Provider value={client}>{children}</RealtimeContext.Provider>
}

function useClient(): RealtimeClient {
  const client = useContext(RealtimeContext)
  if (!client) throw new Error('useRealtime outside RealtimeProvider')

  return client
}

/** Calls the latest `handler` for every event; `onReconnect` after the link comes back. */
export function useRealtime(handler: (event: RealtimeEvent) => void, onReconnect?: () => void): void {
  const client = useClient()
  const handlerRef = useRef(handler)
  const reconnectRef = useRef(onReconnect)
  handlerRef.current = handler
  reconnectRef.current = onReconnect
  useEffect(() => {
    const offEvent = client.onEvent((event) => handlerRef.current(event))
    const offReconnect = client.onReconnect(() => reconnectRef.current?.())

    return () => {
      offEvent()
      offReconnect()
    }
  }, [client])
}

export function useConnectionState(): ConnectionState {
  const client = useClient()
  const [state, setState] = useState<ConnectionState>(client.state)
  useEffect(() => {
    setState(client.state)

    return client.onState(setState)
  }, [client])

  return state
}

export interface Viewer {
  agentId: string
  name: string
  replying: boolean
}

/**
 * Tells the server this tab shows `ticketId` (and whether the agent is replying),
 * and returns the other agents on the same ticket.
 */
export function usePresence(ticketId: string | null, replying: boolean, myId: string): Viewer[] {
  const client = useClient()
  const [viewers, setViewers] = useState<Viewer[]>([])
  useEffect(() => {
    setViewers([])
    if (!ticketId) return
    const off = client.onEvent((event) => {
      if (event.type === 'presence.changed' && event.ticketId === ticketId) {
        setViewers(event.viewers.filter((v) => v.agentId !== myId))
      }
    })

    return () => {
      off()
      client.setPresence(null, false)
    }
  }, [client, ticketId, myId])
  useEffect(() => {
    if (ticketId) client.setPresence(ticketId, replying)
  }, [client, ticketId, replying])

  return viewers
}
