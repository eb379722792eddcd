/**
 * The one door to the HTTP API: JSON in and out, the CSRF token on unsafe methods
 * (cookie sessions), and server errors turned into `ApiError` whose `message` is
 * the server's localized text, ready to show as it is.
 */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

let csrfToken: string | null = null
let onUnauthorized: (() => void) | null = null

export function setCsrfToken(token: string | null | undefined): void {
  csrfToken = token ?? null
}

/** Called when a request answers 401 (session expired elsewhere): back to sign-in. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler
}

const SAFE = new Set(['GET', 'HEAD'])

export interface RequestOptions {
  signal?: AbortSignal
  /** Do not call the unauthorized handler (sign-in form, initial /me). */
  quiet401?: boolean
  /** Sent as `Idempotency-Key`: a retried POST is answered once, never done twice. */
  idempotencyKey?: string
}

export async function request<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' }
  // A Blob (an uploaded file) goes as it is, typed by itself; anything else as JSON.
  const raw = body instanceof Blob
  if (body !== undefined) headers['content-type'] = raw ? body.type || 'application/octet-stream' : 'application/json'
  if (!SAFE.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey
  let response: Response
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
      credentials: 'same-origin',
      signal: options.signal,
    })
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error
    // The message is replaced by a translated one where it is shown (see errorText).
    throw new ApiError('network.unreachable', 'The server could not be reached.', 0)
  }
  if (response.status === 204) return undefined as T
  const text = await response.text()
  let json: unknown = null
  try {
    json = text ? JSON.parse(text) : null
  } catch {
    json = null
  }
  if (!response.ok) {
    const error = (json as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error
    if (response.status === 401 && !options.quiet401) onUnauthorized?.()
    throw new ApiError(error?.code ?? `http.${response.status}`, error?.message ?? `HTTP ${response.status}`, response.status, error?.details)
  }

  return json as T
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, body ?? {}, options),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PATCH', path, body, options),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, undefined, options),
}

/** `?a=1&b=x` from an object, skipping empty values. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value))
  }
  const text = search.toString()

  return text ? `?${text}` : ''
}
