export interface IdempotencyKeyTable {
  account_id: string
  /** Who sent it (agent id or token id): keys are scoped per caller. */
  principal: string
  key: string
  /** sha256 of method + path + body: the same key with another body is refused. */
  request_hash: string
  /** Null while the first request is still running. */
  status_code: number | null
  response_body: string | null
  created_at: string
}

export interface RateLimitTable {
  bucket: string
  count: number
  window_ends_at: number
}
