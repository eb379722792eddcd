/**
 * Every error a client can receive, as data. The server throws `AppError(code)`;
 * one error handler maps the code to its HTTP status and a localized message.
 * Adding a code without a status or a message fails the typecheck.
 */
export const HTTP_STATUS = {
  'request.malformed_json': 400,
  'request.invalid_encoding': 400,
  /** The body or query failed schema validation; `details` lists the issues. */
  'request.validation_failed': 422,
  'request.unsupported_media_type': 415,
  'request.payload_too_large': 413,
  'request.not_found': 404,
  'request.method_not_allowed': 405,
  /** Too many requests from this client; retry after `details.retryAfterSeconds`. */
  'request.rate_limited': 429,
  /** The same Idempotency-Key was sent with a different request body. */
  'request.idempotency_key_reused': 422,
  /** A request with this Idempotency-Key is still being processed; retry later. */
  'request.idempotency_in_progress': 409,
  /** The Idempotency-Key header is empty, longer than 255 characters or not printable ASCII. */
  'request.idempotency_key_invalid': 422,
  'auth.required': 401,
  'auth.invalid_credentials': 401,
  'auth.csrf_failed': 403,
  'auth.forbidden': 403,
  'auth.token_invalid': 401,
  /** Changing one's password: the current password given does not match. */
  'auth.current_password_incorrect': 422,
  'agent.not_found': 404,
  'agent.email_taken': 409,
  /** An admin tried to deactivate or demote themselves (there must always be an admin left). */
  'agent.cannot_deactivate_self': 409,
  /** A team id given for an agent does not exist in the account. */
  'agent.team_not_found': 422,
  'team.not_found': 404,
  'team.name_taken': 409,
  /** Another account's help center already answers on this host name. */
  'account.help_center_host_taken': 409,
  'token.not_found': 404,
  'customer.not_found': 404,
  /** The CRN is not well formed or its check character does not match (a typo). */
  'customer.crn_invalid': 422,
  'customer.contact_taken': 409,
  'customer.cannot_merge_into_self': 409,
  'customer.already_merged': 409,
  'customer.phone_invalid': 422,
  'customer.email_invalid': 422,
  'customer.contact_not_found': 404,
  'ticket.not_found': 404,
  'ticket.invalid_transition': 409,
  'ticket.assignee_not_found': 422,
  'ticket.team_not_found': 422,
  'ticket.customer_required': 422,
  /** The ticket is closed: replies and inbound messages belong in a new (follow-up) ticket. */
  'ticket.closed': 409,
  'inbox.not_found': 404,
  /** One of the addresses already routes to another inbox; `details.addresses` lists them. */
  'inbox.address_taken': 409,
  'attachment.not_found': 404,
  'job.not_found': 404,
  /** Only dead or failed (waiting to retry) jobs can be retried; `details.status` says what it is. */
  'job.not_retryable': 409,
  'calendar.not_found': 404,
  'calendar.name_taken': 409,
  'sla.policy_not_found': 404,
  /** The ticket is already at the top of its team's escalation path. */
  'escalation.no_next_step': 409,
  'escalation.not_found': 404,
  /** Also answered for another agent's notification: a notification is private to its receiver. */
  'notification.not_found': 404,
  'automation.rule_not_found': 404,
  'macro.not_found': 404,
  'kb.category_not_found': 404,
  /** Sections are one level deep: a section cannot have sections, nor a category with sections move under another. */
  'kb.category_invalid_parent': 422,
  'kb.article_not_found': 404,
  'kb.revision_not_found': 404,
  /** A related article id that is not an article of this account (or the article itself). */
  'kb.related_not_found': 422,
  'kb.image_not_found': 404,
  /** The bytes are not a PNG, JPEG, GIF or WebP image (SVG is refused: it can carry script). */
  'kb.image_invalid': 422,
  'server.unavailable': 503,
  'server.internal': 500,
} as const

export type ErrorCode = keyof typeof HTTP_STATUS

export const ERROR_CODES = Object.keys(HTTP_STATUS) as ErrorCode[]

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown }
}
