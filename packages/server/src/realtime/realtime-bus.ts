import { EventEmitter } from 'node:events'
import type { RealtimeEvent } from '@madoguchi/shared'

export type RealtimeListener = (accountId: string, event: RealtimeEvent) => void

/**
 * Fan-out of realtime events to the sockets connected to this node. Use cases
 * call `publish` AFTER their transaction commits (an event about a rolled-back
 * change must never reach a screen). The PostgreSQL adapter relays events between
 * nodes; the in-process bus is enough for a single SQLite node.
 */
export interface RealtimeBus {
  publish(accountId: string, event: RealtimeEvent): void
  subscribe(listener: RealtimeListener): () => void
  close(): Promise<void>
}

export function createInProcessBus(): RealtimeBus {
  const emitter = new EventEmitter()
  emitter.setMaxListeners(0)

  return {
    publish(accountId, event) {
      emitter.emit('event', accountId, event)
    },
    subscribe(listener) {
      emitter.on('event', listener)

      return () => emitter.off('event', listener)
    },
    async close() {
      emitter.removeAllListeners()
    },
  }
}
