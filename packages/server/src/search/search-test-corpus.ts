import type { FastifyInstance } from 'fastify'
import type { CreatedTicketView, SearchResponse } from '@madoguchi/shared'
import { expect } from 'vitest'

/**
 * The documents of the search query table: tickets made through the real API
 * (subject + the customer's first message), plus replies and notes posted on them.
 * Subjects are bare codes (T01…) unless the subject itself is what is searched.
 */
export const CORPUS: Record<string, { subject: string; body: string; reply?: string; note?: string }> = {
  t1: { subject: 'T01', body: '商品の返品をお願いします。注文番号はABC-123です。' },
  t2: { subject: 'T02', body: '解約の手続きについて教えてください。', note: '社内メモ: 解約防止キャンペーンの対象' },
  t3: { subject: 'T03', body: '返金額が間違っています。5000円のはずです。' },
  t4: { subject: 'T04', body: '返金はいつになりますか？' },
  t5: { subject: 'T05', body: 'iPhone 15の修理を依頼したいです' },
  t6: { subject: 'T06', body: 'ｷｬﾝｾﾙ希望です（ﾈｯﾄ注文）' },
  t7: { subject: 'T07', body: 'Please cancel my subscription and refund the payment.', reply: 'We have processed your refund.' },
  t8: { subject: 'T08', body: 'The café order arrived damaged; I want a replacement.' },
  t9: { subject: 'T09', body: 'ＭａｃＢｏｏｋ　Ｐｒｏの画面が割れました' },
  t10: { subject: 'T10', body: '配送先の住所を変更したい。東京都港区' },
  t11: { subject: 'T11', body: 'お問い合わせ: yamada.taro@example.co.jp' },
  t12: { subject: 'T12', body: '品返しの儀式について' },
  t13: { subject: 'T13', body: '金額を確認しました' },
  t14: { subject: 'T14', body: '解約金は1万円です' },
  t15: { subject: 'T15', body: 'リンゴが届きません' },
  t16: { subject: 'T16', body: '修理 iPhone 予約' },
  t17: { subject: '領収書の再発行', body: 'Please help.' },
  t18: { subject: 'T18', body: 'ログインできません。パスワードを忘れました' },
  t19: { subject: 'T19', body: '<script>alert(1)</script> 在庫 & 入荷' },
}

/** Query → exactly the tickets it must find (every other corpus ticket must not be found). */
export const TICKET_QUERIES: [query: string, found: string[]][] = [
  ['返品', ['t1']], // not t12 (品返し)
  ['解約', ['t2', 't14']],
  ['返金', ['t3', 't4']], // not t13 (金額 only)
  ['返金額', ['t3']],
  ['金額', ['t3', 't13']],
  ['円', ['t3', 't14']], // one character
  ['5000円', ['t3']],
  ['iPhone 修理', ['t5', 't16']], // mixed scripts
  ['iPhone修理', ['t5', 't16']],
  ['"iPhone 15の修理"', ['t5']], // phrase
  ['"修理 iPhone"', ['t16']],
  ['修理 予約', ['t16']],
  ['iphone', ['t5', 't16']], // case
  ['ＩＰＨＯＮＥ', ['t5', 't16']], // full-width
  ['キャンセル', ['t6']], // half-width in the text
  ['ｷｬﾝｾﾙ', ['t6']],
  ['ネット注文', ['t6']],
  ['注文', ['t1', 't6']],
  ['cancel', ['t7']],
  ['refund', ['t7']], // the message and the reply: one ticket
  ['Refund payment', ['t7']],
  ['"refund the payment"', ['t7']],
  ['"payment refund"', []],
  ['cafe', ['t8']], // accents
  ['CAFÉ', ['t8']],
  ['macbook', ['t9']],
  ['MacBook Pro', ['t9']],
  ['画面', ['t9']],
  ['割れ', ['t9']],
  ['割', ['t9']],
  ['住所 変更', ['t10']],
  ['東京', ['t10']],
  ['区', ['t10']],
  ['約', ['t2', 't14', 't16']], // 予約
  ['ABC-123', ['t1']],
  ['abc', ['t1']],
  ['yamada.taro@example.co.jp', ['t11']],
  ['example.co.jp', ['t11']],
  ['リンゴ', ['t15']],
  ['りんご', []], // no kana folding in text (see lib/japanese-text.ts)
  ['届き', ['t15']],
  ['品返し', ['t12']],
  ['「返品をお願い」', ['t1']], // Japanese quotes
  ['返品 解約', []], // all terms must match
  ['お問い合わせ', ['t11']],
  ['番号', ['t1']],
  ['領収書', ['t17']], // the subject
  ['再発行', ['t17']],
  ['キャンペーン', ['t2']], // an internal note: agents find it
  ['processed', ['t7']], // our reply
  ['パスワード', ['t18']],
  ['ログイン', ['t18']],
  ['script', ['t19']],
  ['在庫', ['t19']],
  ['"返品', ['t1']], // unbalanced quote: runs to the end
  ['!!!', []], // nothing searchable
  ['。、・「」', []],
  ['　', []],
  ['zzzz', []],
]

export interface Corpus {
  tickets: Record<string, CreatedTicketView>
}

export async function seedCorpus(app: FastifyInstance, headers: Record<string, string>): Promise<Corpus> {
  const tickets: Record<string, CreatedTicketView> = {}
  let n = 0
  for (const [key, doc] of Object.entries(CORPUS)) {
    n++
    const res = await app.inject({
      method: 'POST', url: '/api/v1/tickets', headers,
      payload: { subject: doc.subject, customer: { email: `corpus${n}@example.jp`, name: `Person ${n}` }, channel: 'email', message: { body: doc.body } },
    })
    expect(res.statusCode, res.body).toBe(201)
    tickets[key] = res.json() as CreatedTicketView
    for (const [kind, body] of [['reply', doc.reply], ['note', doc.note]] as const) {
      if (!body) continue
      const posted = await app.inject({ method: 'POST', url: `/api/v1/tickets/${tickets[key].id}/messages`, headers, payload: { kind, body } })
      expect(posted.statusCode, posted.body).toBe(201)
    }
  }

  return { tickets }
}

export async function searchVia(app: FastifyInstance, headers: Record<string, string>, params: Record<string, string | number>): Promise<SearchResponse> {
  const res = await app.inject({ method: 'GET', url: '/api/v1/search', headers, query: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])) })
  expect(res.statusCode, res.body).toBe(200)

  return res.json() as SearchResponse
}
