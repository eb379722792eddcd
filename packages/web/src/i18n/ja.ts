import type { en } from './en.ts'

/** 日本語。キーは en.ts と同じ（型で保証）。 */
export const ja: typeof en = {
  common: {
    loading: '読み込み中…', loadingMore: 'さらに読み込み中…', retry: '再試行', notFound: 'ページが見つかりません。',
    skipToContent: '本文へスキップ', close: '閉じる', save: '保存', cancel: 'キャンセル', copy: 'コピー', copied: 'コピーしました',
    saved: '保存しました。', language: '表示言語',
  },
  errors: {
    network: 'サーバーに接続できません。接続を確認してください。入力内容は失われていません。',
    unexpected: '問題が発生しました。入力内容は失われていません。もう一度お試しください。',
  },
  signIn: { subtitle: '担当者用ワークスペースにログインします。', email: 'メールアドレス', password: 'パスワード', submit: 'ログイン', signingIn: 'ログイン中…' },
  nav: { main: 'メイン', inbox: '受信箱', admin: '管理', signOut: 'ログアウト' },
  realtime: { connecting: '接続中…', reconnecting: 'オフライン — 再接続中…' },
  shortcuts: {
    button: 'ショートカット (?)', title: 'キーボードショートカット', next: '次のチケット', previous: '前のチケット', open: 'チケットを開く',
    reply: '返信', note: '社内メモ', search: '検索', send: '返信・メモを送信', back: '受信箱に戻る', help: 'この一覧',
  },
  roles: { admin: '管理者', supervisor: 'スーパーバイザー', agent: '担当者', partner: 'パートナー' },
  views: { mine: '自分の担当', unassigned: '未割り当て', teams: '自分のチーム', all: 'すべて' },
  inbox: {
    listLabel: 'チケット一覧', you: '自分', unassigned: '未割り当て', views: 'ビュー', savedViews: '保存したビュー',
    noSavedViews: 'まだありません。絞り込みを設定してビューとして保存できます。', deleteView: 'ビュー「{{name}}」を削除',
    viewName: 'ビュー名', saveView: '絞り込みをビューとして保存',
    savedViewsLocal: '保存したビューは現在このブラウザーにのみ保存されます。', countLabel: '{{text}} 件',
    viewNotFound: 'このビューはありません（保存したビューは保存したブラウザーにのみあります）。',
    empty: 'チケットはありません。', emptyHint: '新しいチケットは届きしだいここに表示されます。',
    loaded_one: '{{count}} 件', loaded_other: '{{count}} 件',
    loadedMore_one: '{{count}} 件を表示中（続きあり）', loadedMore_other: '{{count}} 件を表示中（続きあり）',
  },
  filters: {
    label: '絞り込み', status: 'ステータス', openStatuses: '未解決', any: 'すべて', priority: '優先度', channel: 'チャネル',
    category: '分類', team: 'チーム', assignee: '担当者', me: '自分', nobody: '未割り当て', tag: 'タグ', sort: '並び順',
  },
  sort: { updated: '更新が新しい順', priority: '優先度順', waiting: '待ち時間が長い順', number: '番号の新しい順' },
  statuses: { new: '新規', open: '対応中', pending: '返答待ち', on_hold: '保留', solved: '解決済み', closed: '完了' },
  priorities: { low: '低', normal: '普通', high: '高', urgent: '緊急' },
  channels: {
    email: 'メール', chat: 'チャット', line: 'LINE', phone: '電話', web_form: 'Webフォーム', walk_in: '窓口来店', review: 'レビュー',
    sms: 'SMS', api: 'API',
  },
  categories: {
    inquiry: '問い合わせ', complaint: '苦情', order: '注文', return: '返品', refund: '返金', recall: 'リコール',
    application: '申し込み', appointment: '予約', billing: '請求', technical: '技術', feedback: 'ご意見', other: 'その他',
  },
  customer: {
    vip: 'VIP', care: '要配慮', careTitle: '要配慮のお客様: {{name}}', vipTitle: 'VIP のお客様: {{name}}',
    noReason: '（理由の記載なし）', title: '顧客情報', crn: '顧客番号', copyCrn: '顧客番号をコピー', kana: 'ふりがな',
    preferredName: '呼び方', birthdayToday: '本日お誕生日', birthdaySoon_one: 'お誕生日まであと {{count}} 日',
    birthdaySoon_other: 'お誕生日まであと {{count}} 日', anniversaryToday: '本日記念日',
    anniversarySoon_one: '記念日まであと {{count}} 日', anniversarySoon_other: '記念日まであと {{count}} 日',
    language: '言語', lifetimeValue: '累計購入額', contacts: '連絡先', noContacts: '連絡先の登録はありません。',
    verifiedOn: '{{date}} 確認済み', confirmContact: '確認済みにする', edit: '情報を編集', history: 'ほかのチケット',
    noOtherTickets: 'ほかのチケットはありません。',
  },
  languages: { ja: '日本語', en: '英語', zh: '中国語', ko: '韓国語' },
  contactKinds: { email: 'メール', phone: '電話', line: 'LINE', external: '外部 ID' },
  customerFields: {
    displayName: '表示名', familyName: '姓', givenName: '名', familyNameKana: 'せい（かな）', givenNameKana: 'めい（かな）',
    preferredName: '呼び方', language: '言語（ja, en など）', birthday: '誕生日', anniversary: '記念日', isVip: 'VIP',
    vipReason: 'VIP の理由', handleWithCare: '要配慮', careReason: '理由',
  },
  ticket: {
    emptyThread: 'メッセージはまだありません。', thread: 'やり取り', agent: '担当者',
    author: { customer: 'お客様', agent: '担当者', bot: 'ボット', system: 'システム' },
    kind: { inbound: 'お客様から', outbound: '送信済みの返信', note: '社内メモ', system: 'システム' },
    noteNotSent: 'このメモは担当者だけが見られます。お客様には送信されていません。', attachments: '添付ファイル', attachment: '添付ファイル', attachmentRefused: '保存されていません（{{reason}}）', 
    delivery: { pending: '送信中…', queued: '送信待ち', sent: '送信済み', delivered: '配信済み', failed: '配信失敗', bounced: '不達' },
    none: 'なし', createdAt: '{{date}} 受付', tagsPlaceholder: 'タグ, タグ',
    event: {
      created: '{{actor}}がチケットを作成', changed: '{{actor}}が{{field}}を変更: {{before}} → {{after}}',
      other: '{{actor}}: {{type}}',
    },
  },
  fields: {
    status: 'ステータス', priority: '優先度', assigneeId: '担当者', teamId: 'チーム', category: '分類', tags: 'タグ',
    subject: '件名', customFields: 'カスタム項目', messages: 'メッセージ', assignee: '担当者', team: 'チーム',
  },
  composer: {
    title: '作成', reply: 'お客様へ返信', note: '社内メモ', replyLabel: 'お客様への返信',
    noteLabel: '社内メモ（担当者のみ）', hasDraft: '（下書きあり）', noteHint: '社内用: 担当者だけが見られます。お客様には送信されません。',
    sendHint: 'Ctrl / ⌘ + Enter で送信。下書きは自動で保存されます。', sending: '送信中…', sendReply: '返信を送信',
    addNote: 'メモを追加',
  },
  presence: {
    replying_one: '{{names}}さんが返信を作成中です', replying_other: '{{names}}さんが返信を作成中です',
    viewing_one: '{{names}}さんが閲覧中です', viewing_other: '{{names}}さんが閲覧中です',
  },
  search: {
    label: 'チケット・顧客を検索', placeholder: '#123、顧客番号、メール、電話、氏名', results: '検索結果',
    searching: '検索中…', none: '見つかりませんでした。', mergedFrom: '{{crn}} から統合',
    via: { crn: '顧客番号', email: 'メール', phone: '電話番号', name: '氏名' },
  },
  admin: {
    adminsOnly: 'このページは管理者のみ利用できます。', title: '管理', agents: '担当者', teams: 'チーム', account: 'アカウント',
    noAgents: '担当者はまだいません。', name: '名前', email: 'メールアドレス', role: '権限', status: '状態',
    roleOf: '{{name}}の権限', teamsOf: '{{name}}のチーム', active: '有効', inactive: '無効',
    deactivate: '無効にする', reactivate: '有効にする', invite: '担当者を招待', invited: '{{email}} がログインできるようになりました。',
    temporaryPassword: '仮パスワード（この一度だけ表示）', sendInvite: '招待', newTeam: '新しいチーム', description: '説明',
    partnerTeam: 'パートナー（委託先）チーム', createTeam: 'チームを作成', noTeams: 'チームはまだありません。',
    teamName: 'チーム名', rename: '名前を変更', accountName: '会社名', defaultLocale: '既定の言語', timeZone: 'タイムゾーン',
  },
}
