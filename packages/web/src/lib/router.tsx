import { useSyncExternalStore } from 'react'
import type { AnchorHTMLAttributes, MouseEvent } from 'react'

/**
 * A tiny history router: the app has a handful of routes, and a router library
 * would cost more of the bundle budget than this whole file.
 */
const listeners = new Set<() => void>()

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  window.addEventListener('popstate', listener)

  return () => {
    listeners.delete(listener)
    window.removeEventListener('popstate', listener)
  }
}

const snapshot = () => window.location.pathname + window.location.search

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === snapshot()) return
  if (options.replace) window.history.replaceState(null, '', to)
  else window.history.pushState(null, '', to)
  for (const listener of listeners) listener()
}

/** Current path and search string; re-renders on navigation. */
export function useLocation(): { path: string; search: URLSearchParams } {
  const current = useSyncExternalStore(subscribe, snapshot)
  const [path = '/', search = ''] = current.split('?')

  return { path, search: new URLSearchParams(search) }
}

/** Match `/tickets/:id` style patterns; returns the params or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const names: string[] = []
  const regex = new RegExp(
    '^' + pattern.replace(/\/:([a-zA-Z]+)/g, (_m, name: string) => {
      names.push(name)

      return '/([^/]+)'
    }) + '/?$',
  )
  const match = regex.exec(path)
  if (!match) return null

  return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1] ?? '')]))
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }

/** A real `<a href>` (open in new tab works) that navigates in-app on plain clicks. */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event)
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    navigate(to)
  }

  return <a href={to} onClick={handle} {...rest} />
}
