import type { DemoTicket } from './demo-ticket.ts'

/** Japanese conversations of the demo account, newest last is not required: `daysAgo` orders them. */
export const DEMO_TICKETS_JA: readonly DemoTicket[] = [
  { customer: 'yamada', channel: 'email', subject: '注文した商品が届きません', category: 'order', priority: 'high', status: 'open', tags: ['配送遅延'], team: 'logistics', assignee: 'fukuda', daysAgo: 1,
    thread: [
      { kind: 'in', body: 'お世話になっております。11月20日に注文した電気ケトル（注文番号 A-10482）がまだ届きません。追跡番号も反映されていないようです。いつ頃届くでしょうか。' },
      { kind: 'note', body: '倉庫に確認中。出荷ラベルは発行済みだが集荷漏れの可能性あり。', by: 'fukuda' },
      { kind: 'out', body: '山田様\n\nお問い合わせいただきありがとうございます。ご注文の商品について倉庫へ確認しておりますので、本日中に改めてご連絡いたします。ご迷惑をおかけし誠に申し訳ございません。' },
    ] },
  { customer: 'sato', channel: 'line', subject: 'ゴールド会員の特典について', category: 'inquiry', priority: 'normal', status: 'solved', tags: ['会員特典', 'VIP'], team: 'support', assignee: 'ogawa', daysAgo: 12,
    thread: [
      { kind: 'in', body: 'ゴールド会員の送料無料って、定期便にも適用されますか？' },
      { kind: 'out', body: '佐藤様、いつもご利用ありがとうございます。ゴールド会員様の送料無料特典は定期便にも適用されます。次回のお届け分から自動で反映いたします。' },
      { kind: 'in', body: 'わかりました！ありがとうございます😊' },
    ] },
  { customer: 'suzuki', channel: 'phone', subject: '【電話】リモコンの電池交換方法', category: 'technical', priority: 'normal', status: 'solved', tags: ['使い方'], team: 'support', assignee: 'ogawa', daysAgo: 20,
    thread: [
      { kind: 'in', body: '（通話メモ）エアコンのリモコンの電池交換の方法が分からないとのお問い合わせ。裏ぶたの開け方を確認されたい。' },
      { kind: 'note', body: 'ゆっくりご説明し、その場で交換していただけた。取扱説明書PDFの郵送をご希望→物流チームへ依頼済み。', by: 'ogawa' },
    ] },
  { customer: 'takahashi', channel: 'web_form', subject: '返品したい（サイズが合わない）', category: 'return', priority: 'normal', status: 'pending', tags: ['返品', 'サイズ交換'], team: 'logistics', assignee: 'miura', daysAgo: 3,
    thread: [
      { kind: 'in', body: '先日購入したスニーカー（24.5cm）が小さかったので、25.0cmに交換したいです。未使用でタグも付いています。' },
      { kind: 'out', body: '高橋様\n\nご連絡ありがとうございます。25.0cmの在庫を確保いたしました。同封の返品用伝票で商品をご返送いただけますでしょうか。到着確認後、交換品を発送いたします。' },
    ] },
  { customer: 'tanaka', channel: 'email', subject: '11月分請求書の再発行依頼', category: 'billing', priority: 'high', status: 'open', tags: ['請求書', '法人'], team: 'billing', assignee: 'nishimura', daysAgo: 2,
    thread: [
      { kind: 'in', body: '株式会社さくら商事 経理部の田中です。11月分の請求書の宛名を「株式会社さくら商事 経理部」に変更して再発行いただけますでしょうか。インボイス登録番号の記載もお願いいたします。' },
      { kind: 'note', body: '法人VIP。宛名変更は請求システムで対応可能。登録番号 T1234567890123 を確認済み。', by: 'nishimura' },
    ] },
  { customer: 'ito', channel: 'phone', subject: '【至急】配送業者の対応へのクレーム', category: 'complaint', priority: 'urgent', status: 'open', tags: ['クレーム', '配送業者'], team: 'logistics', assignee: 'kimura', daysAgo: 0,
    thread: [
      { kind: 'in', body: '（通話メモ）配達員が不在票を入れずに持ち帰った。前回も遅延があり、非常にご立腹。責任者からの折り返しを希望。' },
      { kind: 'note', body: '要注意顧客。スーパーバイザー（木村）が本日17時までに折り返し。配送業者へは事故報告を提出。', by: 'kimura' },
    ] },
  { customer: 'watanabe', channel: 'chat', subject: 'クーポンコードが使えない', category: 'inquiry', priority: 'low', status: 'solved', tags: ['クーポン'], team: 'support', assignee: 'ogawa', daysAgo: 6,
    thread: [
      { kind: 'in', body: 'WELCOME10 ってクーポン入れても「無効です」って出ます' },
      { kind: 'out', body: '渡辺様、お問い合わせありがとうございます。こちらのクーポンは3,000円以上のご注文でご利用いただけます。カートの金額をご確認いただけますでしょうか。' },
      { kind: 'in', body: 'あ、2,980円でした。もう一品追加します！' },
    ] },
  { customer: 'nakamura', channel: 'line', subject: '定期便のお届け日を変更したい', category: 'order', priority: 'normal', status: 'closed', tags: ['定期便'], team: 'support', assignee: 'ogawa', daysAgo: 34,
    thread: [
      { kind: 'in', body: '次の定期便、12/5じゃなくて12/8にできますか？' },
      { kind: 'out', body: '中村様、承知いたしました。次回のお届け日を12月8日（火）に変更いたしました。' },
    ] },
  { customer: 'kobayashi', channel: 'walk_in', subject: '【来店】修理品の受け取り', category: 'appointment', priority: 'normal', status: 'solved', tags: ['修理', '来店'], team: 'support', assignee: 'miura', daysAgo: 15,
    thread: [
      { kind: 'in', body: '（来店記録）修理預かり番号 R-3321 の受け取りにご来店。身分証で本人確認済み。' },
      { kind: 'out', body: '小林様、本日はご来店ありがとうございました。修理内容と保証期間（3か月）は同封の明細をご確認ください。' },
    ] },
  { customer: 'kato', channel: 'email', subject: '長年の利用のお礼と要望', category: 'feedback', priority: 'normal', status: 'solved', tags: ['ご意見', 'VIP'], team: 'support', assignee: 'kimura', daysAgo: 40,
    thread: [
      { kind: 'in', body: '20年以上利用しております。最近カタログが届かなくなりましたが、紙のカタログを続けていただけないでしょうか。' },
      { kind: 'out', body: '加藤様\n\n長年にわたりご愛顧いただき、心より御礼申し上げます。紙のカタログの送付を再開いたしました。次号は12月上旬にお届けいたします。今後ともよろしくお願い申し上げます。' },
    ] },
  { customer: 'yoshida', channel: 'web_form', subject: 'アカウントにログインできない', category: 'technical', priority: 'normal', status: 'new', tags: ['ログイン'], team: 'support', daysAgo: 0,
    thread: [
      { kind: 'in', body: 'パスワードを再設定しようとしましたが、確認メールが届きません。迷惑メールフォルダも確認しました。' },
    ] },
  { customer: 'sasaki', channel: 'email', subject: '二重に請求されています', category: 'refund', priority: 'high', status: 'pending', tags: ['返金', '二重請求'], team: 'billing', assignee: 'nishimura', daysAgo: 4,
    thread: [
      { kind: 'in', body: 'クレジットカードの明細を見たところ、11月18日の注文（¥5,980）が2回請求されていました。確認をお願いします。' },
      { kind: 'out', body: '佐々木様\n\nご連絡ありがとうございます。確認いたしましたところ、決済が重複しておりました。1件分（¥5,980）を取り消し手続きいたしました。カード会社により反映まで数日かかる場合がございます。' },
      { kind: 'note', body: '決済代行の取消ID: VOID-88120。反映確認のため12/3に再確認。', by: 'nishimura' },
    ] },
  { customer: 'yamaguchi', channel: 'phone', subject: '業務用注文の納期確認', category: 'order', priority: 'normal', status: 'on_hold', tags: ['法人', '納期'], team: 'logistics', assignee: 'fukuda', daysAgo: 8,
    thread: [
      { kind: 'in', body: '（通話メモ）業務用スポンジ 200ケースの納期を確認したい。12月15日までに必要。' },
      { kind: 'note', body: 'メーカー回答待ち（12/1予定）。保留中。', by: 'fukuda' },
    ] },
  { customer: 'matsumoto', channel: 'line', subject: '商品の色違いはありますか', category: 'inquiry', priority: 'low', status: 'solved', tags: ['在庫'], team: 'support', assignee: 'miura', daysAgo: 18,
    thread: [
      { kind: 'in', body: 'マグカップのネイビーはまた入荷しますか？' },
      { kind: 'out', body: '松本様、お問い合わせありがとうございます。ネイビーは12月中旬に再入荷予定です。入荷時にLINEでお知らせいたしましょうか。' },
      { kind: 'in', body: 'お願いします！' },
    ] },
  { customer: 'inoue', channel: 'chat', subject: 'ポイントの有効期限', category: 'inquiry', priority: 'low', status: 'closed', tags: ['ポイント'], team: 'support', assignee: 'ogawa', daysAgo: 60,
    thread: [
      { kind: 'in', body: 'ポイントっていつまで使えますか' },
      { kind: 'out', body: '井上様、ポイントは最終ご利用日から1年間有効です。マイページの「ポイント履歴」でご確認いただけます。' },
    ] },
  { customer: 'kimura', channel: 'phone', subject: '【電話】ご家族からの解約相談', category: 'application', priority: 'high', status: 'open', tags: ['解約', '代理人'], team: 'support', assignee: 'kimura', daysAgo: 1,
    thread: [
      { kind: 'in', body: '（通話メモ）長女の久美子様より、お父様（和夫様）の定期便を解約したいとのご相談。委任状の要否を確認されたい。' },
      { kind: 'note', body: '代理人の登録あり（要注意欄参照）。委任状不要で解約可能だが、本人確認の折り返しを和夫様宅へ。', by: 'kimura' },
    ] },
  { customer: 'hayashi', channel: 'email', subject: '領収書の発行について', category: 'billing', priority: 'normal', status: 'solved', tags: ['領収書'], team: 'billing', assignee: 'nishimura', daysAgo: 25,
    thread: [
      { kind: 'in', body: '会社の経費精算で使うため、宛名入りの領収書をいただけますか。宛名は「林 結衣」でお願いします。' },
      { kind: 'out', body: '林様\n\nご依頼の領収書をPDFで添付いたしました。マイページの注文履歴からもいつでもダウンロードいただけます。' },
    ] },
  { customer: 'saito', channel: 'email', subject: '代理店向け販促物の追加発送', category: 'order', priority: 'high', status: 'open', tags: ['代理店', 'VIP'], team: 'logistics', assignee: 'miura', daysAgo: 2,
    thread: [
      { kind: 'in', body: '年末セール用のポスター（B2）を追加で30枚お願いできますか。12月1日の搬入に間に合うと助かります。' },
      { kind: 'out', body: '齋藤様\n\nいつもお世話になっております。ポスター30枚を本日発送手配いたしました。11月30日午前着の予定です。' },
      { kind: 'in', body: '早速ありがとうございます。助かります。' },
    ] },
  { customer: 'shimizu', channel: 'line', subject: '商品が破損していました', category: 'return', priority: 'high', status: 'pending', tags: ['破損', '交換'], team: 'logistics', assignee: 'fukuda', daysAgo: 2,
    thread: [
      { kind: 'in', body: '届いたお皿が割れていました。写真を送ります。' },
      { kind: 'out', body: '清水様、ご不便をおかけし大変申し訳ございません。お写真を確認いたしました。交換品を本日発送いたします。割れたお品物はご返送不要です。' },
    ] },
  { customer: 'mori', channel: 'web_form', subject: '商品レビューを削除したい', category: 'other', priority: 'low', status: 'new', tags: ['レビュー'], team: 'support', daysAgo: 0,
    thread: [
      { kind: 'in', body: '以前投稿したレビューを削除したいのですが、どこから操作できますか。' },
    ] },
  { customer: 'ikeda', channel: 'email', subject: 'リコール対象製品の確認', category: 'recall', priority: 'urgent', status: 'open', tags: ['リコール', '安全'], team: 'logistics', assignee: 'miura', daysAgo: 1,
    thread: [
      { kind: 'in', body: 'ニュースで電気ストーブのリコールを見ました。2024年に購入したものが対象か確認したいです。型番は DS-1200 です。' },
      { kind: 'note', body: 'DS-1200 はロット 2404〜2409 が対象。製造番号の確認が必要。', by: 'miura' },
      { kind: 'out', body: '池田様\n\nご連絡ありがとうございます。本体背面の製造番号（例：2406-XXXXX）をお知らせいただけますでしょうか。対象の場合は無償で回収・交換いたします。ご確認いただくまでは使用をお控えください。' },
    ] },
  { customer: 'hashimoto', channel: 'phone', subject: '【電話】返金が遅いとのお申し出', category: 'complaint', priority: 'high', status: 'on_hold', tags: ['クレーム', '返金'], team: 'billing', assignee: 'carter', daysAgo: 5,
    thread: [
      { kind: 'in', body: '（通話メモ）返品から2週間経つのに返金されないと強い口調でのお申し出。' },
      { kind: 'note', body: 'SV対応案件。返金は11/30に処理予定と経理から回答あり。それまで保留。', by: 'carter' },
    ] },
  { customer: 'abe', channel: 'chat', subject: 'ギフト包装はできますか', category: 'inquiry', priority: 'low', status: 'solved', tags: ['ギフト'], team: 'support', assignee: 'ogawa', daysAgo: 9,
    thread: [
      { kind: 'in', body: 'クリスマスのプレゼントにしたいのですが、ラッピングできますか？' },
      { kind: 'out', body: '阿部様、はい、カートの「ギフト設定」から無料でラッピングとメッセージカードをお選びいただけます🎁' },
    ] },
  { customer: 'ishikawa', channel: 'web_form', subject: '配送先住所の変更', category: 'order', priority: 'normal', status: 'solved', tags: ['住所変更'], team: 'logistics', assignee: 'fukuda', daysAgo: 11,
    thread: [
      { kind: 'in', body: '引っ越したので、発送前の注文の届け先を変更したいです。新住所：東京都世田谷区…' },
      { kind: 'out', body: '石川様\n\nお届け先を新しいご住所へ変更いたしました。発送は明日の予定です。' },
    ] },
  { customer: 'maeda', channel: 'email', subject: '店舗用什器の見積もり依頼', category: 'application', priority: 'normal', status: 'open', tags: ['法人', '見積もり'], team: 'billing', assignee: 'carter', daysAgo: 3,
    thread: [
      { kind: 'in', body: '新店舗（渋谷）オープンに伴い、什器一式の見積もりをお願いします。前回と同じ構成で結構です。' },
      { kind: 'note', body: '前回見積 Q-2025-118 を複製して更新。年内の価格改定前に送付すること。', by: 'carter' },
    ] },
  { customer: 'fujita', channel: 'walk_in', subject: '【来店】使い方の説明をご希望', category: 'technical', priority: 'normal', status: 'closed', tags: ['使い方', '来店'], team: 'support', assignee: 'ogawa', daysAgo: 45,
    thread: [
      { kind: 'in', body: '（来店記録）炊飯器の予約タイマーの設定方法を教えてほしいとのこと。' },
      { kind: 'note', body: '実機で30分ほどご説明。大きな文字の早見表をお渡しした。', by: 'ogawa' },
    ] },
  { customer: 'okada', channel: 'line', subject: '在庫の取り置きは可能ですか', category: 'inquiry', priority: 'normal', status: 'pending', tags: ['在庫', '取り置き'], team: 'partner', assignee: 'matsuda', daysAgo: 1,
    thread: [
      { kind: 'in', body: '週末に店舗で受け取りたいので、加湿器を1台取り置きできますか？' },
      { kind: 'out', body: '岡田様、お問い合わせありがとうございます。取り置きについて店舗へ確認し、明日までにご連絡いたします。' },
    ] },
  { customer: 'hasegawa', channel: 'phone', subject: '【夜間】配達時間の指定変更', category: 'order', priority: 'normal', status: 'solved', tags: ['配達時間'], team: 'partner', assignee: 'matsuda', daysAgo: 7,
    thread: [
      { kind: 'in', body: '（通話メモ・21:40受付）明日の配達を19-21時に変更したい。' },
      { kind: 'note', body: '配送業者サイトで変更済み。翌朝、物流チームに共有。', by: 'matsuda' },
    ] },
  { customer: 'staff-kondo', channel: 'email', subject: '社内：FAQ記事の更新依頼', category: 'other', priority: 'low', status: 'open', tags: ['社内', 'FAQ'], team: 'support', assignee: 'kimura', daysAgo: 5,
    thread: [
      { kind: 'in', body: '返品ポリシー改定（12/1施行）に合わせて、ヘルプセンターの「返品・交換について」の記事を更新してください。' },
    ] },
  { customer: 'yamada', channel: 'chat', subject: '領収書の宛名変更', category: 'billing', priority: 'low', status: 'closed', tags: ['領収書'], team: 'billing', assignee: 'nishimura', daysAgo: 90,
    thread: [
      { kind: 'in', body: '領収書の宛名を会社名にできますか' },
      { kind: 'out', body: '山田様、マイページの注文詳細から宛名を入力して発行いただけます。' },
    ] },
  { customer: 'sato', channel: 'email', subject: '誕生日クーポンが届いていません', category: 'inquiry', priority: 'normal', status: 'open', tags: ['クーポン', 'VIP'], team: 'support', assignee: 'ogawa', daysAgo: 1,
    thread: [
      { kind: 'in', body: '今月が誕生月なのですが、毎年届く誕生日クーポンのメールがまだ届いていません。' },
      { kind: 'note', body: '配信リストの誕生日が 11-30 で登録されていた（正：11-03）。修正してクーポンを手動発行する。', by: 'ogawa' },
    ] },
  { customer: 'tanaka', channel: 'phone', subject: '【電話】支払条件の変更相談', category: 'billing', priority: 'normal', status: 'on_hold', tags: ['法人', '支払条件'], team: 'billing', assignee: 'carter', daysAgo: 14,
    thread: [
      { kind: 'in', body: '（通話メモ）月末締め翌月末払いから、翌々月10日払いへの変更を相談したいとのこと。' },
      { kind: 'note', body: '与信審査が必要。財務部の判断待ち。', by: 'carter' },
    ] },
  { customer: 'nakamura', channel: 'web_form', subject: 'メールマガジンの配信停止', category: 'application', priority: 'low', status: 'solved', tags: ['メルマガ'], team: 'support', assignee: 'ogawa', daysAgo: 22,
    thread: [
      { kind: 'in', body: 'メールマガジンの配信を停止したいです。' },
      { kind: 'out', body: '中村様\n\n配信停止の手続きが完了いたしました。反映まで数日かかる場合がございます。' },
    ] },
  { customer: 'takahashi', channel: 'line', subject: '予約した商品の発売日', category: 'inquiry', priority: 'low', status: 'new', tags: ['予約'], team: 'partner', daysAgo: 0,
    thread: [
      { kind: 'in', body: '予約したコーヒーメーカーの発売日は変わっていませんか？' },
    ] },
  { customer: 'kato', channel: 'phone', subject: '【電話】カタログ掲載商品の注文', category: 'order', priority: 'normal', status: 'solved', tags: ['電話注文', 'VIP'], team: 'support', assignee: 'miura', daysAgo: 5,
    thread: [
      { kind: 'in', body: '（通話メモ）冬号カタログ P.12 の羽毛布団（シングル）を1点注文。代引き希望。' },
      { kind: 'out', body: '加藤様\n\nお電話でのご注文ありがとうございました。12月2日にお届けいたします。' },
    ] },
  { customer: 'sasaki', channel: 'chat', subject: '支払い方法にPayPayは使えますか', category: 'billing', priority: 'low', status: 'closed', tags: ['支払方法'], team: 'billing', assignee: 'nishimura', daysAgo: 70,
    thread: [
      { kind: 'in', body: 'PayPayで払えますか？' },
      { kind: 'out', body: '佐々木様、はい、PayPayをご利用いただけます。お支払い方法の選択画面でお選びください。' },
    ] },
]
