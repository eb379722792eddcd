import type { Db } from '../db/database.ts'

export interface IdempotencyScope {
  accountId: string
  principal: string
  key: string
}

const inScope = (s: IdempotencyScope) => ({ account_id: s.accountId, principal: s.principal, key: s.key })

/** Takes the key for this request; false when someone already holds it. */
export async function reserveIdempotencyKey(db: Db, scope: IdempotencyScope, requestHash: string, now: string): Promise<boolean> {
  const row = await db
    .insertInto('idempotency_keys')
    .values({ ...inScope(scope), request_hash: requestHash, status_code: null, response_body: null, created_at: now })
    .onConflict((oc) => oc.columns(['account_id', 'principal', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst()

  return row !== undefined
}

export async function findIdempotencyKey(db: Db, scope: IdempotencyScope) {
  return db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'status_code', 'response_body', 'created_at'])
    .where('account_id', '=', scope.accountId)
    .where('principal', '=', scope.principal)
    .where('key', '=', scope.key)
    .executeTakeFirst()
}

export async function storeIdempotentResponse(db: Db, scope: IdempotencyScope, statusCode: number, body: string): Promise<void> {
  await db
    .updateTable('idempotency_keys')
    .set({ status_code: statusCode, response_body: body })
    .where('account_id', '=', scope.accountId)
    .where('principal', '=', scope.principal)
    .where('key', '=', scope.key)
    .execute()
}

/** Frees the key; with `createdAt`, only that exact reservation (so a racing newer one survives). */
export async function releaseIdempotencyKey(db: Db, scope: IdempotencyScope, createdAt?: string): Promise<void> {
  let query = db
    .deleteFrom('idempotency_keys')
    .where('account_id', '=', scope.accountId)
    .where('principal', '=', scope.principal)
    .where('key', '=', scope.key)
  if (createdAt) query = query.where('created_at', '=', createdAt)
  await query.execute()
}
