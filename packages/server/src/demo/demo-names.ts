/**
 * Name material shared by the demo account and the benchmark data generator, so
 * that both look like a real Japanese/English customer base (kanji + furigana,
 * common surnames in rough order of frequency, romaji for e-mail addresses).
 */

export interface JaName {
  kanji: string
  kana: string
  romaji: string
}

export const JA_FAMILY_NAMES: readonly JaName[] = [
  { kanji: '佐藤', kana: 'さとう', romaji: 'sato' },
  { kanji: '鈴木', kana: 'すずき', romaji: 'suzuki' },
  { kanji: '高橋', kana: 'たかはし', romaji: 'takahashi' },
  { kanji: '田中', kana: 'たなか', romaji: 'tanaka' },
  { kanji: '伊藤', kana: 'いとう', romaji: 'ito' },
  { kanji: '渡辺', kana: 'わたなべ', romaji: 'watanabe' },
  { kanji: '山本', kana: 'やまもと', romaji: 'yamamoto' },
  { kanji: '中村', kana: 'なかむら', romaji: 'nakamura' },
  { kanji: '小林', kana: 'こばやし', romaji: 'kobayashi' },
  { kanji: '加藤', kana: 'かとう', romaji: 'kato' },
  { kanji: '吉田', kana: 'よしだ', romaji: 'yoshida' },
  { kanji: '山田', kana: 'やまだ', romaji: 'yamada' },
  { kanji: '佐々木', kana: 'ささき', romaji: 'sasaki' },
  { kanji: '山口', kana: 'やまぐち', romaji: 'yamaguchi' },
  { kanji: '松本', kana: 'まつもと', romaji: 'matsumoto' },
  { kanji: '井上', kana: 'いのうえ', romaji: 'inoue' },
  { kanji: '木村', kana: 'きむら', romaji: 'kimura' },
  { kanji: '林', kana: 'はやし', romaji: 'hayashi' },
  { kanji: '斎藤', kana: 'さいとう', romaji: 'saito' },
  { kanji: '清水', kana: 'しみず', romaji: 'shimizu' },
  { kanji: '山崎', kana: 'やまざき', romaji: 'yamazaki' },
  { kanji: '森', kana: 'もり', romaji: 'mori' },
  { kanji: '池田', kana: 'いけだ', romaji: 'ikeda' },
  { kanji: '橋本', kana: 'はしもと', romaji: 'hashimoto' },
  { kanji: '阿部', kana: 'あべ', romaji: 'abe' },
  { kanji: '石川', kana: 'いしかわ', romaji: 'ishikawa' },
  { kanji: '前田', kana: 'まえだ', romaji: 'maeda' },
  { kanji: '藤田', kana: 'ふじた', romaji: 'fujita' },
  { kanji: '小川', kana: 'おがわ', romaji: 'ogawa' },
  { kanji: '岡田', kana: 'おかだ', romaji: 'okada' },
  { kanji: '長谷川', kana: 'はせがわ', romaji: 'hasegawa' },
  { kanji: '村上', kana: 'むらかみ', romaji: 'murakami' },
  { kanji: '近藤', kana: 'こんどう', romaji: 'kondo' },
  { kanji: '坂本', kana: 'さかもと', romaji: 'sakamoto' },
  { kanji: '遠藤', kana: 'えんどう', romaji: 'endo' },
  { kanji: '青木', kana: 'あおき', romaji: 'aoki' },
  { kanji: '藤井', kana: 'ふじい', romaji: 'fujii' },
  { kanji: '西村', kana: 'にしむら', romaji: 'nishimura' },
  { kanji: '福田', kana: 'ふくだ', romaji: 'fukuda' },
  { kanji: '太田', kana: 'おおた', romaji: 'ota' },
  { kanji: '三浦', kana: 'みうら', romaji: 'miura' },
  { kanji: '藤原', kana: 'ふじわら', romaji: 'fujiwara' },
  { kanji: '岡本', kana: 'おかもと', romaji: 'okamoto' },
  { kanji: '松田', kana: 'まつだ', romaji: 'matsuda' },
  { kanji: '中島', kana: 'なかじま', romaji: 'nakajima' },
  { kanji: '金子', kana: 'かねこ', romaji: 'kaneko' },
  { kanji: '和田', kana: 'わだ', romaji: 'wada' },
  { kanji: '髙木', kana: 'たかぎ', romaji: 'takagi' },
  { kanji: '渡邉', kana: 'わたなべ', romaji: 'watanabe' },
  { kanji: '齋藤', kana: 'さいとう', romaji: 'saito' },
]

export const JA_GIVEN_NAMES: readonly JaName[] = [
  { kanji: '太郎', kana: 'たろう', romaji: 'taro' },
  { kanji: '花子', kana: 'はなこ', romaji: 'hanako' },
  { kanji: '翔太', kana: 'しょうた', romaji: 'shota' },
  { kanji: '陽菜', kana: 'ひな', romaji: 'hina' },
  { kanji: '大輔', kana: 'だいすけ', romaji: 'daisuke' },
  { kanji: '美咲', kana: 'みさき', romaji: 'misaki' },
  { kanji: '健一', kana: 'けんいち', romaji: 'kenichi' },
  { kanji: '由美子', kana: 'ゆみこ', romaji: 'yumiko' },
  { kanji: '蓮', kana: 'れん', romaji: 'ren' },
  { kanji: '結衣', kana: 'ゆい', romaji: 'yui' },
  { kanji: '誠', kana: 'まこと', romaji: 'makoto' },
  { kanji: '恵子', kana: 'けいこ', romaji: 'keiko' },
  { kanji: '拓也', kana: 'たくや', romaji: 'takuya' },
  { kanji: 'さくら', kana: 'さくら', romaji: 'sakura' },
  { kanji: '浩二', kana: 'こうじ', romaji: 'koji' },
  { kanji: '真由美', kana: 'まゆみ', romaji: 'mayumi' },
  { kanji: '悠人', kana: 'ゆうと', romaji: 'yuto' },
  { kanji: '愛', kana: 'あい', romaji: 'ai' },
  { kanji: '隆', kana: 'たかし', romaji: 'takashi' },
  { kanji: '千尋', kana: 'ちひろ', romaji: 'chihiro' },
  { kanji: '直樹', kana: 'なおき', romaji: 'naoki' },
  { kanji: '智子', kana: 'ともこ', romaji: 'tomoko' },
  { kanji: '和夫', kana: 'かずお', romaji: 'kazuo' },
  { kanji: '芽衣', kana: 'めい', romaji: 'mei' },
  { kanji: '剛', kana: 'つよし', romaji: 'tsuyoshi' },
  { kanji: '久美子', kana: 'くみこ', romaji: 'kumiko' },
  { kanji: '湊', kana: 'みなと', romaji: 'minato' },
  { kanji: '彩花', kana: 'あやか', romaji: 'ayaka' },
  { kanji: '昭', kana: 'あきら', romaji: 'akira' },
  { kanji: '優子', kana: 'ゆうこ', romaji: 'yuko' },
]

export const EN_FAMILY_NAMES: readonly string[] = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Wilson', 'Anderson',
  'Taylor', 'Thomas', 'Moore', 'Martin', 'Lee', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis',
  'Walker', 'Hall', 'Young', 'King', 'Wright', 'Nguyen', 'Kim', 'Chen', 'Patel', 'O\'Brien',
]

export const EN_GIVEN_NAMES: readonly string[] = [
  'James', 'Mary', 'John', 'Patricia', 'Robert', 'Jennifer', 'Michael', 'Linda', 'David', 'Emily',
  'William', 'Sarah', 'Daniel', 'Jessica', 'Matthew', 'Olivia', 'Chris', 'Emma', 'Andrew', 'Sophie',
  'Liam', 'Grace', 'Noah', 'Chloe', 'Ethan', 'Hannah', 'Lucas', 'Mia', 'Oliver', 'Zoe',
]

/** Free-mail and company domains; all under reserved example domains so no mail can leak. */
export const JA_EMAIL_DOMAINS: readonly string[] = ['example.jp', 'mail.example.jp', 'example.co.jp', 'docomo.example.jp', 'ezweb.example.jp']
export const EN_EMAIL_DOMAINS: readonly string[] = ['example.com', 'mail.example.com', 'example.org', 'example.net']

export const JA_ORGANIZATIONS: readonly string[] = [
  '株式会社さくら商事', '有限会社みどり工房', '合同会社ひかりデザイン', '株式会社東京フーズ', '大阪精機株式会社',
]
export const EN_ORGANIZATIONS: readonly string[] = ['Northwind Traders', 'Contoso Ltd.', 'Fabrikam Inc.', 'Tailspin Toys']
