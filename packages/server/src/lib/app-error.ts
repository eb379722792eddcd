import type { ErrorCode } from '@madoguchi/shared'

/** A domain error with a stable code; the HTTP layer maps it to status and message. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
    message?: string,
  ) {
    super(message ?? code)
    this.name = 'AppError'
  }
}
