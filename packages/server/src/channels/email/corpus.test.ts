import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { classifyEmail } from './classify-email.ts'
import { parseEmail } from './parse-email.ts'
import { CORPUS_DIR, corpusEmails } from './corpus-files.ts'

const read = (name: string) => fs.readFileSync(path.join(CORPUS_DIR, 'email', name))

// Skipped only where the corpus is not checked out beside the repository.
describe.skipIf(!fs.existsSync(path.join(CORPUS_DIR, 'MANIFEST.tsv')))('email corpus', () => {
  it('parses and classifies every message without a crash, agreeing with the manifest tags', async () => {
    const confusion: Record<string, number> = {}
    const normalAsNoise: string[] = []
    const emails = corpusEmails()
    for (const { file, tags } of emails) {
      const parsed = await parseEmail(fs.readFileSync(file))
      const result = classifyEmail(parsed)
      const expected = tags.includes('bounce') ? 'bounce' : tags.includes('auto-reply') ? 'auto_reply' : 'normal'
      const key = `${expected}->${result.kind}`
      confusion[key] = (confusion[key] ?? 0) + 1
      if (expected === 'normal' && result.kind !== 'normal') normalAsNoise.push(`${path.basename(file)}:${'signal' in result ? result.signal : ''}`)
    }
    const count = (k: string) => confusion[k] ?? 0
    const bounces = emails.filter((e) => e.tags.includes('bounce')).length
    const noise = emails.filter((e) => e.tags.includes('bounce') || e.tags.includes('auto-reply')).length
    const noiseCaught = count('bounce->bounce') + count('bounce->auto_reply') + count('auto_reply->auto_reply') + count('auto_reply->bounce')
    console.log(`[corpus] ${emails.length} emails; bounce recall ${count('bounce->bounce')}/${bounces}; noise recall ${noiseCaught}/${noise}`, confusion)
    expect(emails.length).toBeGreaterThan(1000)
    expect(count('bounce->bounce') / bounces).toBeGreaterThan(0.98)
    expect(noiseCaught / noise).toBeGreaterThan(0.98)
    // Where we call untagged mail noise, it is list/bulk mail (the manifest does not tag lists) or an ARF report.
    for (const entry of normalAsNoise) expect(entry).toMatch(/:(precedence-(bulk|list|junk)|list-id|list-unsubscribe|list-post|feedback-report)$/)
  }, 120_000)

  it('decodes a checked sample of Japanese messages to the exact text', async () => {
    const pc = await parseEmail(read('jpmobile-jpmobile/pc-mail-single.eml'))
    expect(pc.subject).toBe('タイトルの長いメールの場合の対処を実装するためのテストケースとしてのメールに含まれている件名であるサブジェクト部分')
    expect(pc.text.trim()).toBe('本文です')
    expect(pc.from).toEqual({ address: 'info@jpmobile.jp', name: 'Shin-ichiro OGAWA' })

    const circled = await parseEmail(read('jpmobile-jpmobile/iphone-circled-numbers-in-jis.eml'))
    expect(circled.subject).toBe('テスト①')
    expect(circled.text.trim()).toBe('丸数字のテストです②ⅱ')

    const cp932 = await parseEmail(read('jpmobile-jpmobile/iphone-cp932.eml'))
    expect(cp932.subject).toBe('Re: 【NKSC】test')
    expect(cp932.text.trim()).toBe('テストです。㈱')

    const sjis = await parseEmail(read('mikel-mail/emails__multi_charset__japanese_shift_jis.eml'))
    expect(sjis.text.trim()).toBe('あいうえお\n\nこのメールはテスト用のメールです。\n\n今後ともよろしくお願い申し上げます！')

    const sjisGmail = await parseEmail(read('jpmobile-jpmobile/softbank-gmail-sjis.eml'))
    // The phone's emoji sit in the CP932 user-defined area: private-use characters, not U+FFFD.
    expect(sjisGmail.subject).toMatch(/^テスト[\uE000-\uF8FF]+$/)
    expect(sjisGmail.text.trim()).toMatch(/^テストです[\uE000-\uF8FF]+$/)

    const mimekit = await parseEmail(read('jstedfast-mimekit/messages__japanese.eml'))
    expect(mimekit.subject).toBe('日本語メールテスト (testing Japanese emails)')
    expect(mimekit.text).toContain('日本語が\n正常に\n送れているか\nテスト.')

    const iso = await parseEmail(read('mikel-mail/emails__multi_charset__japanese_iso_2022.eml'))
    expect(iso.subject).toBe('まみむめも')
    expect(iso.text.trim()).toBe('すみません。')

    // Labelled ISO-2022-JP but written in EUC-JP: read by its bytes.
    const mislabelled = await parseEmail(read('apache-spamassassin/nice__cjk__iso-2022-jp.2.eml'))
    expect(mislabelled.text.startsWith('>ああ、心当たりがあります。たぶん、この前のsshと同じ問題です。\n>調べます。')).toBe(true)

    const kigou = await parseEmail(read('jpmobile-jpmobile/au-kigou.eml'))
    expect(kigou.text).toContain('〆〇ー―‐／＼～∥｜…‥')

    const filename = await parseEmail(read('mikel-mail/emails__multi_charset__japanese_attachment_long_name.eml'))
    expect(filename.subject).toBe('まみむめも'.repeat(10))
    expect(filename.attachments[0]?.filename).toBe('かきくけこ'.repeat(5) + '.txt')

    const raw8bit = await parseEmail(read('mikel-mail/emails__error_emails__invalid_subject_characters.eml'))
    expect(raw8bit.subject).toBe('Formação FrenetikPolis: Mega Campanha Final Verão | Cursos de Setembro')
  })

  it('reads the failed recipient and original Message-ID of Japanese carrier bounces', async () => {
    const kddi = classifyEmail(await parseEmail(read('sisimai-set-of-emails/bsd__lhost-kddi-01.eml')))
    expect(kddi).toMatchObject({ kind: 'bounce', originalMessageId: '2013000000000000@example.jp' })
  })
})
