import { useSyncExternalStore } from 'react'

/**
 * One shared ticking clock for every "due in" on screen (one timer, however many
 * badges), running only while something shows it. Half a minute is enough for
 * minute precision.
 */
const TICK_MS = 30_000
let now = Date.now()
let timer: ReturnType<typeof setInterval> | null = null
const listeners = new Set<() => void>()

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  if (!timer) {
    now = Date.now()
    timer = setInterval(() => {
      now = Date.now()
      listeners.forEach((l) => l())
    }, TICK_MS)
  }

  return () => {
    listeners.delete(listener)
    if (listeners.size === 0 && timer) {
      clearInterval(timer)
      timer = null
    }
  }
}

function snapshot(): number {
  // Nothing ticked while no badge was on screen: start from the real time, not a stale one.
  if (!timer && Date.now() - now >= TICK_MS) now = Date.now()

  return now
}

export function useNow(): number {
  return useSyncExternalStore(subscribe, snapshot)
}
