/**
 * The demo account's customers: who a new user meets on first start. Phones are
 * written in the many ways people actually type them (hyphens, spaces, full-width
 * digits, +81, parentheses) so the demo shows normalization at work. Every address
 * is under a reserved example domain.
 */

export interface DemoCustomer {
  /** Key the demo tickets refer to. */
  key: string
  language: 'ja' | 'en'
  familyName: string
  givenName: string
  familyNameKana?: string
  givenNameKana?: string
  /** How to address them: 「山田様」, "Dr. Smith". */
  preferredName?: string
  organization?: string
  emails?: string[]
  phones?: string[]
  birthday?: string
  vipReason?: string
  careReason?: string
  marketingConsent?: boolean
  lifetimeValue?: number
  isInternal?: boolean
}

export const DEMO_CUSTOMERS: readonly DemoCustomer[] = [
  { key: 'yamada', language: 'ja', familyName: '山田', givenName: '太郎', familyNameKana: 'やまだ', givenNameKana: 'たろう', preferredName: '山田様', emails: ['taro.yamada@example.jp'], phones: ['090-1234-5678'], birthday: '1978-04-12', marketingConsent: true, lifetimeValue: 128_400 },
  { key: 'sato', language: 'ja', familyName: '佐藤', givenName: '花子', familyNameKana: 'さとう', givenNameKana: 'はなこ', preferredName: '佐藤様', emails: ['hanako.sato@example.jp', 'h-sato@example.co.jp'], phones: ['080 2345 6789'], birthday: '1985-11-03', vipReason: '年間購入額上位1%（ゴールド会員）', lifetimeValue: 1_820_000, marketingConsent: true },
  { key: 'suzuki', language: 'ja', familyName: '鈴木', givenName: '一郎', familyNameKana: 'すずき', givenNameKana: 'いちろう', preferredName: '鈴木様', phones: ['03-3123-4567'], birthday: '1952-01-20', careReason: 'ご高齢のため、ゆっくり・はっきりご説明ください。電話を希望されます。', lifetimeValue: 54_000 },
  { key: 'takahashi', language: 'ja', familyName: '高橋', givenName: '美咲', familyNameKana: 'たかはし', givenNameKana: 'みさき', preferredName: '高橋様', emails: ['misaki.t@docomo.example.jp'], phones: ['０９０－２２２２－３３３３'], birthday: '1992-07-07', marketingConsent: true, lifetimeValue: 36_800 },
  { key: 'tanaka', language: 'ja', familyName: '田中', givenName: '健一', familyNameKana: 'たなか', givenNameKana: 'けんいち', preferredName: '田中様', organization: '株式会社さくら商事', emails: ['k.tanaka@example.co.jp'], phones: ['(06) 6123-4567', '070-3456-7890'], vipReason: '法人契約（年間契約 ¥12,000,000）', lifetimeValue: 12_450_000 },
  { key: 'ito', language: 'ja', familyName: '伊藤', givenName: '由美子', familyNameKana: 'いとう', givenNameKana: 'ゆみこ', preferredName: '伊藤様', emails: ['yumiko.ito@mail.example.jp'], phones: ['+81 90 4444 5555'], birthday: '1969-03-30', careReason: '前回の配送遅延で強くご立腹。対応前に過去のチケットを必ず確認してください。', lifetimeValue: 210_000 },
  { key: 'watanabe', language: 'ja', familyName: '渡辺', givenName: '翔太', familyNameKana: 'わたなべ', givenNameKana: 'しょうた', preferredName: '渡辺様', emails: ['shota.w@example.jp'], birthday: '2001-09-15', lifetimeValue: 8_900 },
  { key: 'nakamura', language: 'ja', familyName: '中村', givenName: '陽菜', familyNameKana: 'なかむら', givenNameKana: 'ひな', preferredName: '中村様', emails: ['hina.nakamura@ezweb.example.jp'], phones: ['09055556666'], marketingConsent: true, lifetimeValue: 64_300 },
  { key: 'kobayashi', language: 'ja', familyName: '小林', givenName: '誠', familyNameKana: 'こばやし', givenNameKana: 'まこと', preferredName: '小林様', phones: ['045-211-3344'], birthday: '1974-12-24', lifetimeValue: 19_800 },
  { key: 'kato', language: 'ja', familyName: '加藤', givenName: '恵子', familyNameKana: 'かとう', givenNameKana: 'けいこ', preferredName: '加藤様', emails: ['keiko.kato@example.jp'], phones: ['080-7777-8888'], birthday: '1958-06-01', vipReason: '創業以来のお得意様（20年以上）', lifetimeValue: 3_400_000, marketingConsent: true },
  { key: 'yoshida', language: 'ja', familyName: '吉田', givenName: '拓也', familyNameKana: 'よしだ', givenNameKana: 'たくや', preferredName: '吉田様', emails: ['takuya.yoshida@example.jp'], lifetimeValue: 0 },
  { key: 'sasaki', language: 'ja', familyName: '佐々木', givenName: '千尋', familyNameKana: 'ささき', givenNameKana: 'ちひろ', preferredName: '佐々木様', emails: ['chihiro.sasaki@example.jp'], phones: ['022-123-9876'], birthday: '1988-02-29', lifetimeValue: 47_200 },
  { key: 'yamaguchi', language: 'ja', familyName: '山口', givenName: '直樹', familyNameKana: 'やまぐち', givenNameKana: 'なおき', preferredName: '山口様', organization: '有限会社みどり工房', emails: ['naoki@midori.example.co.jp'], phones: ['092-712-3456'], lifetimeValue: 860_000 },
  { key: 'matsumoto', language: 'ja', familyName: '松本', givenName: '智子', familyNameKana: 'まつもと', givenNameKana: 'ともこ', preferredName: '松本様', emails: ['tomoko.m@example.jp'], phones: ['090 8888 1212'], careReason: '聴覚に障がいがあるため、電話ではなくメールかLINEでご連絡ください。', lifetimeValue: 92_000 },
  { key: 'inoue', language: 'ja', familyName: '井上', givenName: '蓮', familyNameKana: 'いのうえ', givenNameKana: 'れん', preferredName: '井上様', emails: ['ren.inoue@example.jp'], birthday: '1999-05-05', marketingConsent: true, lifetimeValue: 15_600 },
  { key: 'kimura', language: 'ja', familyName: '木村', givenName: '和夫', familyNameKana: 'きむら', givenNameKana: 'かずお', preferredName: '木村様', phones: ['0466-22-1234'], birthday: '1947-10-10', careReason: '認知症のご家族（長女：木村 久美子様）が代理で対応される場合があります。', lifetimeValue: 33_000 },
  { key: 'hayashi', language: 'ja', familyName: '林', givenName: '結衣', familyNameKana: 'はやし', givenNameKana: 'ゆい', preferredName: '林様', emails: ['yui.hayashi@mail.example.jp'], phones: ['080-1010-2020'], lifetimeValue: 27_500 },
  { key: 'saito', language: 'ja', familyName: '齋藤', givenName: '隆', familyNameKana: 'さいとう', givenNameKana: 'たかし', preferredName: '齋藤様', emails: ['takashi.saito@example.jp'], birthday: '1965-08-18', vipReason: '地域の代理店オーナー', lifetimeValue: 2_100_000 },
  { key: 'shimizu', language: 'ja', familyName: '清水', givenName: '愛', familyNameKana: 'しみず', givenNameKana: 'あい', preferredName: '清水様', emails: ['ai.shimizu@example.jp'], phones: ['070 1234 0000'], marketingConsent: true, lifetimeValue: 41_000 },
  { key: 'mori', language: 'ja', familyName: '森', givenName: '悠人', familyNameKana: 'もり', givenNameKana: 'ゆうと', preferredName: '森様', emails: ['yuto.mori@example.jp'], lifetimeValue: 5_500 },
  { key: 'ikeda', language: 'ja', familyName: '池田', givenName: '真由美', familyNameKana: 'いけだ', givenNameKana: 'まゆみ', preferredName: '池田様', emails: ['mayumi.ikeda@example.jp'], phones: ['011-231-4567'], birthday: '1980-01-01', lifetimeValue: 73_900 },
  { key: 'hashimoto', language: 'ja', familyName: '橋本', givenName: '剛', familyNameKana: 'はしもと', givenNameKana: 'つよし', preferredName: '橋本様', phones: ['+81-80-5656-7878'], careReason: '過去に暴言あり（2026年3月）。対応はスーパーバイザーへ引き継いでください。', lifetimeValue: 12_000 },
  { key: 'abe', language: 'ja', familyName: '阿部', givenName: '彩花', familyNameKana: 'あべ', givenNameKana: 'あやか', preferredName: '阿部様', emails: ['ayaka.abe@example.jp'], birthday: '1995-12-12', marketingConsent: true, lifetimeValue: 58_800 },
  { key: 'ishikawa', language: 'ja', familyName: '石川', givenName: '湊', familyNameKana: 'いしかわ', givenNameKana: 'みなと', preferredName: '石川様', emails: ['minato.ishikawa@example.jp'], lifetimeValue: 9_900 },
  { key: 'maeda', language: 'ja', familyName: '前田', givenName: '久美子', familyNameKana: 'まえだ', givenNameKana: 'くみこ', preferredName: '前田様', organization: '株式会社東京フーズ', emails: ['kumiko.maeda@tokyofoods.example.co.jp'], phones: ['03-5555-0101'], vipReason: '法人（飲食チェーン 42店舗）', lifetimeValue: 8_700_000 },
  { key: 'fujita', language: 'ja', familyName: '藤田', givenName: '昭', familyNameKana: 'ふじた', givenNameKana: 'あきら', preferredName: '藤田様', phones: ['052-961-1111'], birthday: '1950-04-29', lifetimeValue: 150_000 },
  { key: 'okada', language: 'ja', familyName: '岡田', givenName: '芽衣', familyNameKana: 'おかだ', givenNameKana: 'めい', preferredName: '岡田様', emails: ['mei.okada@example.jp'], phones: ['080-4321-8765'], marketingConsent: true, lifetimeValue: 22_000 },
  { key: 'hasegawa', language: 'ja', familyName: '長谷川', givenName: '浩二', familyNameKana: 'はせがわ', givenNameKana: 'こうじ', preferredName: '長谷川様', emails: ['koji.hasegawa@example.jp'], lifetimeValue: 61_000 },
  { key: 'staff-kondo', language: 'ja', familyName: '近藤', givenName: '優子', familyNameKana: 'こんどう', givenNameKana: 'ゆうこ', preferredName: '近藤さん', emails: ['y.kondo@madoguchi-demo.example.jp'], isInternal: true },
  { key: 'smith', language: 'en', familyName: 'Smith', givenName: 'Emily', preferredName: 'Ms. Smith', emails: ['emily.smith@example.com'], phones: ['+1 415 555 0134'], birthday: '1987-09-21', marketingConsent: true, lifetimeValue: 84_000 },
  { key: 'johnson', language: 'en', familyName: 'Johnson', givenName: 'Michael', preferredName: 'Mr. Johnson', emails: ['mjohnson@example.org'], lifetimeValue: 12_500 },
  { key: 'brown', language: 'en', familyName: 'Brown', givenName: 'Sarah', preferredName: 'Dr. Brown', organization: 'Northwind Traders', emails: ['sarah.brown@northwind.example.com'], phones: ['+44 20 7946 0958'], vipReason: 'Enterprise plan, renewal in March', lifetimeValue: 5_600_000 },
  { key: 'nguyen', language: 'en', familyName: 'Nguyen', givenName: 'Linh', preferredName: 'Linh', emails: ['linh.nguyen@example.net'], phones: ['090-9876-5432'], birthday: '1996-02-14', lifetimeValue: 31_000 },
  { key: 'patel', language: 'en', familyName: 'Patel', givenName: 'Raj', preferredName: 'Mr. Patel', emails: ['raj.patel@example.com'], careReason: 'Chargeback filed on order #A-20931; billing team only.', lifetimeValue: 19_900 },
  { key: 'garcia', language: 'en', familyName: 'Garcia', givenName: 'Sofia', preferredName: 'Sofia', emails: ['sofia.garcia@example.com'], marketingConsent: true, lifetimeValue: 7_800 },
  { key: 'wilson', language: 'en', familyName: 'Wilson', givenName: 'James', preferredName: 'Mr. Wilson', emails: ['j.wilson@example.org'], phones: ['+61 2 9374 4000'], lifetimeValue: 46_200 },
  { key: 'lee', language: 'en', familyName: 'Lee', givenName: 'Grace', preferredName: 'Ms. Lee', emails: ['grace.lee@example.com'], birthday: '1990-10-31', lifetimeValue: 66_000 },
  { key: 'obrien', language: 'en', familyName: 'O\'Brien', givenName: 'Liam', preferredName: 'Liam', emails: ['liam.obrien@example.net'], lifetimeValue: 3_200 },
  { key: 'chen', language: 'en', familyName: 'Chen', givenName: 'Wei', preferredName: 'Mr. Chen', organization: 'Contoso Ltd.', emails: ['wei.chen@contoso.example.com'], phones: ['+65 6123 4567'], vipReason: 'Reseller for Singapore and Malaysia', lifetimeValue: 2_900_000 },
  { key: 'taylor', language: 'en', familyName: 'Taylor', givenName: 'Olivia', preferredName: 'Olivia', emails: ['olivia.taylor@example.com'], phones: ['080-3030-4040'], marketingConsent: true, lifetimeValue: 18_000 },
  { key: 'harris', language: 'en', familyName: 'Harris', givenName: 'Daniel', preferredName: 'Mr. Harris', emails: ['dan.harris@example.org'], lifetimeValue: 0 },
]
