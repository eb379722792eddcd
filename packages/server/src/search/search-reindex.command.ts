import type { CliIo } from '../cli/cli-io.ts'
import type { Command } from '../cli/commands.ts'
import { openDeps } from '../cli/open-deps.ts'
import type { ReindexPosition } from './reindex-all.ts'
import { reindexAll } from './reindex-all.ts'
import { reindexKbArticles } from '../knowledge/reindex-kb-articles.ts'

type Values = Parameters<Command['run']>[1]
const str = (v: Values[string]) => (typeof v === 'string' ? v : undefined)

function parseFrom(text: string | undefined): ReindexPosition | undefined {
  if (text === undefined) return undefined
  const [phase, after] = text.split(':', 2)
  if ((phase !== 'customers' && phase !== 'tickets') || !after) throw new Error(`--from must look like tickets:<id> or customers:<id>, not ${text}`)

  return { phase, after }
}

/** `madoguchi search reindex`: rebuilds the search index of every account (or one). */
export const searchReindexCommand: Command = {
  name: 'search reindex',
  summary: { en: 'Rebuild the search index (tickets, messages, customers, articles) in resumable batches', ja: '検索インデックスを再構築（チケット・メッセージ・顧客・記事、中断しても再開可能）' },
  usage: 'madoguchi search reindex [--account <id>] [--batch <tickets per transaction>] [--from tickets:<id>]',
  details: ['Progress lines end with the position to pass as --from after an interruption; running again from the start is also safe.'],
  options: { account: { type: 'string' }, batch: { type: 'string' }, from: { type: 'string' } },
  async run(io: CliIo, values: Values) {
    const batchSize = Number(str(values.batch) ?? 500)
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) throw new Error('--batch must be an integer from 1 to 10000')
    const from = parseFrom(str(values.from))
    const { deps, close } = await openDeps(io.env, { quiet: true })
    try {
      const account = str(values.account)
      const accounts = account ? [account] : (await deps.db.selectFrom('accounts').select('id').orderBy('id').execute()).map((a) => a.id)
      for (const accountId of accounts) {
        const started = performance.now()
        let last = 0
        const count = await reindexAll(deps, {
          accountId, batchSize, ...(from && { from }),
          onBatch: (at, documents) => {
            if (performance.now() - last < 2000) return
            last = performance.now()
            io.out(io.locale === 'ja' ? `  ${documents} 件 (--from ${at.phase}:${at.after})` : `  ${documents} documents (--from ${at.phase}:${at.after})`)
          },
        })
        // Knowledge-base articles are indexed by their own use case (published translations only).
        const articles = await reindexKbArticles(deps, accountId)
        const seconds = ((performance.now() - started) / 1000).toFixed(1)
        io.out(io.locale === 'ja' ? `アカウント ${accountId}: ${count} 件と記事 ${articles} 件を ${seconds} 秒で索引しました` : `account ${accountId}: indexed ${count} documents and ${articles} articles in ${seconds} s`)
      }

      return 0
    } finally {
      await close()
    }
  },
}
