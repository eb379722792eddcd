import { useEffect, useRef } from 'react'
import type { RefObject } from 'react'

/**
 * Where keyboard focus goes when an inline editor closes (saved or cancelled):
 * back to the button that opened it, once that button is on the page again,
 * instead of falling to the top of the page.
 */
export function useReturnFocus<T extends HTMLElement>(open: boolean): RefObject<T | null> {
  const ref = useRef<T>(null)
  const wasOpen = useRef(open)
  useEffect(() => {
    if (wasOpen.current && !open) ref.current?.focus()
    wasOpen.current = open
  }, [open])

  return ref
}
