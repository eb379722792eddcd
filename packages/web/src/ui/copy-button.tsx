import { useState } from 'react'
import { useTranslation } from 'react-i18next'

/** Copies text (a CRN read to a customer on the phone) and says so for a moment. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useTranslation()
  const [copied, setCopied] = useState(false)
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text)
    } catch {
      // Clipboard API refused (insecure origin): fall back to a hidden selection.
      const area = document.createElement('textarea')
      area.value = text
      document.body.appendChild(area)
      area.select()
      document.execCommand('copy')
      area.remove()
    }
    setCopied(true)
    setTimeout(() => setCopied(false), 1500)
  }

  return (
    <button type="button" className="button-small" onClick={() => void copy()} aria-label={label} data-testid="copy-crn">
      <span aria-live="polite">{copied ? t('common.copied') : t('common.copy')}</span>
    </button>
  )
}
