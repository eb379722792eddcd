import { useEffect, useRef } from 'react'

/** True when a key press belongs to a text field (or an open dialog's control), not to the page. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  const tag = target.tagName

  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT'
}

/**
 * Single-key shortcuts (j, k, r, n, ?) for the page. Ignored while typing, with
 * modifier keys (browser shortcuts stay intact) and during IME composition.
 */
export function useShortcuts(handlers: Record<string, (event: KeyboardEvent) => void>, enabled = true): void {
  const ref = useRef(handlers)
  ref.current = handlers
  useEffect(() => {
    if (!enabled) return
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return
      if (isTyping(event.target)) return
      // Enter on a focused link or button keeps its native meaning.
      if (event.key === 'Enter' && event.target instanceof HTMLElement && event.target.closest('a, button, summary, [role="button"]')) return
      if (document.querySelector('dialog[open]') && event.key !== 'Escape') return
      const handler = ref.current[event.key]
      if (handler) {
        event.preventDefault()
        handler(event)
      }
    }
    window.addEventListener('keydown', onKeyDown)

    return () => window.removeEventListener('keydown', onKeyDown)
  }, [enabled])
}
