import { sql } from 'kysely'
import type { CustomerListView, ListCustomersQuery } from '@madoguchi/shared'
import type { Deps } from '../deps.ts'
import { decodeCursor, encodeCursor } from '../http/page-cursor.ts'
import { findContactsOf, groupContacts } from './customer.repo.ts'
import type { CustomerViewer } from './customer-visibility.ts'
import { isScoped, visibleToPartner } from './customer-visibility.ts'
import { toCustomerView } from './customer.view.ts'

const SEARCHED_COLUMNS = [
  'display_name', 'family_name', 'given_name', 'family_name_kana', 'given_name_kana', 'preferred_name', 'organization',
] as const

/**
 * `GET /customers`: most recently changed first, keyset-paginated on (updated_at, id).
 * Always two queries whatever the page size: the page, then its contacts in one batch.
 * Merged customers are left out (they live on in their survivor).
 */
export async function listCustomers(deps: Deps, viewer: CustomerViewer, query: ListCustomersQuery): Promise<CustomerListView> {
  const after = decodeCursor(query.cursor, 2)
  let select = deps.db
    .selectFrom('customers')
    .selectAll()
    .where('account_id', '=', viewer.accountId)
    .where('merged_into_id', 'is', null)
  if (isScoped(viewer)) select = select.where(visibleToPartner(viewer.teamIds))
  if (query.vip !== undefined) select = select.where('is_vip', '=', query.vip ? 1 : 0)
  if (query.handleWithCare !== undefined) select = select.where('handle_with_care', '=', query.handleWithCare ? 1 : 0)
  if (query.updatedSince) select = select.where('updated_at', '>=', new Date(query.updatedSince).toISOString())
  if (query.q) {
    const patterns = searchPrefixes(query.q).map((p) => `${escapeLike(p)}%`)
    select = select.where((eb) =>
      eb.or(SEARCHED_COLUMNS.flatMap((column) => patterns.map((pattern) => eb(sql`lower(${sql.ref(column)})`, 'like', sql<string>`${pattern} escape '\\'`)))),
    )
  }
  if (after) {
    const [updatedAt, id] = after as [string, string]
    select = select.where((eb) => eb.or([eb('updated_at', '<', updatedAt), eb.and([eb('updated_at', '=', updatedAt), eb('id', '<', id)])]))
  }
  const rows = await select.orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(query.limit + 1).execute()
  const page = rows.slice(0, query.limit)
  const contacts = groupContacts(await findContactsOf(deps.db, viewer.accountId, page.map((r) => r.id)))
  const last = page[page.length - 1]

  return {
    items: page.map((row) => toCustomerView(row, contacts.get(row.id) ?? [])),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.updated_at, last.id]) : null,
  }
}

/**
 * The query, lower-cased, in the forms a name may be stored in: as typed (NFKC, so
 * half-width ｶﾀｶﾅ becomes カタカナ), in hiragana and in katakana (furigana are
 * written either way).
 */
export function searchPrefixes(q: string): string[] {
  const base = q.normalize('NFKC').trim().toLowerCase()
  const hiragana = base.replace(/[\u30a1-\u30f6]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x60))
  const katakana = base.replace(/[\u3041-\u3096]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0x60))

  return [...new Set([base, hiragana, katakana])]
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`)
}
