import { loadTriggers } from '../automation/automation.repo.ts'
import type { CompiledRule } from '../automation/evaluate-rules.ts'
import type { Db, Executor } from '../db/database.ts'
import type { BusinessCalendar } from '../lib/business-hours.ts'
import { newId } from '../lib/ids.ts'
import { calendarLoader } from '../sla/sla-calendar.ts'
import { listSlaPolicyRows } from '../sla/sla-policy.repo.ts'
import type { SlaPolicyRow } from '../sla/sla.table.ts'

/**
 * An account's rarely changed configuration that every ticket change consults:
 * active SLA policies, the triggers of each event, business calendars.
 */
export interface AccountConfig {
  slaPolicies(): Promise<SlaPolicyRow[]>
  triggers(event: string): Promise<CompiledRule[]>
  /** A calendar by id, else the account's default, else round the clock. */
  calendar(id: string | null): Promise<BusinessCalendar>
}

/** Straight from the database, through the caller's transaction. */
export function uncachedAccountConfig(trx: Executor, accountId: string): AccountConfig {
  const calendars = calendarLoader(trx, accountId)

  return {
    slaPolicies: () => listSlaPolicyRows(trx, accountId, true),
    triggers: (event) => loadTriggers(trx, accountId, event),
    calendar: (id) => calendars(id),
  }
}

interface CacheEntry {
  version: string
  memo: Map<string, Promise<unknown>>
}

// Per database handle (so test databases and app nodes never share entries), per account.
const caches = new WeakMap<Db, Map<string, CacheEntry>>()

/**
 * The account's configuration, cached in this process for as long as the account's
 * `config_version` stays the same: one statement (the version) instead of one per
 * policy list, trigger list and calendar on every ticket change. Every use case that
 * changes SLA policies, rules or calendars sets a new version in its own transaction
 * (bumpConfigVersion), so a change is seen by the next ticket on any app node.
 */
export function accountConfig(db: Db, trx: Executor, accountId: string, knownVersion?: string): AccountConfig {
  const direct = uncachedAccountConfig(trx, accountId)
  // Read the version on first use only (a change that needs no configuration costs
  // nothing), and not at all when the caller's own statement read it in this transaction.
  let memoOf: Promise<Map<string, Promise<unknown>>> | undefined
  const currentMemo = () => (memoOf ??= (async () => {
    const version = knownVersion ?? (await trx.selectFrom('accounts').select('config_version').where('id', '=', accountId).executeTakeFirst())?.config_version ?? ''
    let perAccount = caches.get(db)
    if (!perAccount) caches.set(db, (perAccount = new Map()))
    let entry = perAccount.get(accountId)
    if (!entry || entry.version !== version) perAccount.set(accountId, (entry = { version, memo: new Map() }))

    return entry.memo
  })())
  const cached = async <T>(key: string, load: () => Promise<T>): Promise<T> => {
    const memo = await currentMemo()
    let found = memo.get(key) as Promise<T> | undefined
    if (!found) {
      found = load()
      memo.set(key, found)
      // A failed load (say, in a transaction that then rolls back) is not remembered.
      found.catch(() => memo.delete(key))
    }

    return found
  }

  return {
    slaPolicies: () => cached('sla', direct.slaPolicies),
    triggers: (event) => cached(`triggers:${event}`, () => direct.triggers(event)),
    calendar: (id) => cached(`calendar:${id ?? ''}`, () => direct.calendar(id)),
  }
}

/** Call inside the transaction of every change to SLA policies, automation rules or business calendars. */
export async function bumpConfigVersion(trx: Executor, accountId: string): Promise<void> {
  await trx.updateTable('accounts').set({ config_version: newId() }).where('id', '=', accountId).execute()
}
