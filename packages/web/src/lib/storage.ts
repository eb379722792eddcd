/**
 * localStorage with JSON and without surprises: private mode, quota errors and
 * corrupt values fall back to the default instead of breaking the screen.
 */
const PREFIX = 'madoguchi.'

export function readStored<T>(key: string, fallback: T): T {
  try {
    const raw = localStorage.getItem(PREFIX + key)

    return raw === null ? fallback : (JSON.parse(raw) as T)
  } catch {
    return fallback
  }
}

export function writeStored(key: string, value: unknown): void {
  try {
    if (value === undefined || value === null) localStorage.removeItem(PREFIX + key)
    else localStorage.setItem(PREFIX + key, JSON.stringify(value))
  } catch {
    // Quota or private mode: drafts simply do not persist; nothing else breaks.
  }
}
