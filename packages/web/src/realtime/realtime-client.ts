import type { RealtimeClientMessage, RealtimeEvent, RealtimeServerMessage } from '../api/types.ts'

export type ConnectionState = 'connecting' | 'open' | 'reconnecting'

/** Seconds between heartbeats; mirrors REALTIME_HEARTBEAT_SECONDS in @madoguchi/shared. */
const HEARTBEAT_MS = 20_000
/** No frame for this long means the link is dead even if the browser has not noticed. */
const SILENCE_LIMIT_MS = 3 * HEARTBEAT_MS
const BACKOFF_MIN_MS = 500
const BACKOFF_MAX_MS = 30_000

/**
 * One WebSocket per tab, reconnecting with exponential backoff and jitter. After a
 * reconnect, `onReconnect` listeners refetch what they show: events sent while the
 * link was down are gone, so catching up means reading the current state again.
 */
export class RealtimeClient {
  private socket: WebSocket | null = null
  private attempts = 0
  private stopped = true
  private everOpened = false
  private retryTimer: ReturnType<typeof setTimeout> | null = null
  private heartbeatTimer: ReturnType<typeof setInterval> | null = null
  private lastFrameAt = 0
  private presence: { ticketId: string | null; replying: boolean } = { ticketId: null, replying: false }
  private readonly eventListeners = new Set<(event: RealtimeEvent) => void>()
  private readonly stateListeners = new Set<(state: ConnectionState) => void>()
  private readonly reconnectListeners = new Set<() => void>()
  state: ConnectionState = 'connecting'

  constructor(private readonly url: string) {}

  start(): void {
    this.stopped = false
    this.connect()
    // Back online after a network drop: try at once instead of waiting out the backoff.
    globalThis.addEventListener?.('online', this.reconnectNow)
  }

  stop(): void {
    this.stopped = true
    globalThis.removeEventListener?.('online', this.reconnectNow)
    if (this.retryTimer) clearTimeout(this.retryTimer)
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer)
    this.socket?.close(1000)
    this.socket = null
  }

  onEvent(listener: (event: RealtimeEvent) => void): () => void {
    this.eventListeners.add(listener)

    return () => this.eventListeners.delete(listener)
  }

  onState(listener: (state: ConnectionState) => void): () => void {
    this.stateListeners.add(listener)

    return () => this.stateListeners.delete(listener)
  }

  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener)

    return () => this.reconnectListeners.delete(listener)
  }

  /** Which ticket this tab shows and whether the agent is writing a reply. */
  setPresence(ticketId: string | null, replying: boolean): void {
    if (this.presence.ticketId === ticketId && this.presence.replying === replying) return
    this.presence = { ticketId, replying }
    this.send({ type: 'presence', ticketId, replying })
  }

  private readonly reconnectNow = () => {
    if (this.state === 'open' || this.stopped) return
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.attempts = 0
    this.connect()
  }

  private setState(state: ConnectionState): void {
    this.state = state
    for (const listener of this.stateListeners) listener(state)
  }

  private send(message: RealtimeClientMessage): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message))
  }

  private connect(): void {
    if (this.stopped) return
    const socket = new WebSocket(this.url)
    this.socket = socket
    socket.onopen = () => {
      this.lastFrameAt = Date.now()
    }
    socket.onmessage = (message) => {
      this.lastFrameAt = Date.now()
      let data: RealtimeServerMessage
      try {
        data = JSON.parse(String(message.data)) as RealtimeServerMessage
      } catch {
        return
      }
      if (data.type === 'ready') this.onReady()
      else if (data.type !== 'pong') for (const listener of this.eventListeners) listener(data)
    }
    socket.onclose = () => this.closed(socket)
    // A failed connect is always followed by close, where the retry is scheduled.
    socket.onerror = () => undefined
  }

  private closed(socket: WebSocket): void {
    if (this.socket !== socket) return
    this.socket = null
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer)
    if (this.stopped) return
    this.setState('reconnecting')
    const delay = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** this.attempts) * (0.5 + Math.random() / 2)
    this.attempts++
    this.retryTimer = setTimeout(() => this.connect(), delay)
  }

  /** Subscribed on the server: restore presence, start heartbeats, catch up if this is a reconnect. */
  private onReady(): void {
    this.attempts = 0
    this.setState('open')
    if (this.presence.ticketId) this.send({ type: 'presence', ...this.presence })
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer)
    this.heartbeatTimer = setInterval(() => {
      const socket = this.socket
      if (socket && Date.now() - this.lastFrameAt > SILENCE_LIMIT_MS) {
        // A dead link may take minutes to report its close; do not wait for it.
        socket.onclose = null
        socket.close()
        this.closed(socket)

        return
      }
      this.send({ type: 'ping' })
      // Presence rows expire on the server unless refreshed (see PRESENCE_TTL_SECONDS).
      if (this.presence.ticketId) this.send({ type: 'presence', ...this.presence })
    }, HEARTBEAT_MS)
    if (this.everOpened) for (const listener of this.reconnectListeners) listener()
    this.everOpened = true
  }
}

export function realtimeUrl(): string {
  const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:'

  return `${scheme}//${window.location.host}/api/v1/realtime`
}
