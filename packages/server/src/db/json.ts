/** JSON columns are stored as text on both dialects; parse defensively. */
export function parseJson<T>(text: string | null | undefined, fallback: T): T {
  if (text == null || text === '') return fallback
  try {
    return JSON.parse(text) as T
  } catch {
    return fallback
  }
}

export function toJson(value: unknown): string {
  return JSON.stringify(value ?? null)
}

export const bool = (value: number | null | undefined): boolean => value === 1
export const int = (value: boolean | undefined): 0 | 1 => (value ? 1 : 0)
