import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorNotice } from '../../ui/feedback.tsx'
import { kb } from './kb-api.ts'

const ACCEPT = 'image/png,image/jpeg,image/gif,image/webp'

/** "Add image": uploads the chosen file and hands back the Markdown that shows it. */
export function ImageUpload({ onUploaded, describedBy }: { onUploaded(markdown: string): void; describedBy: string }) {
  const { t } = useTranslation()
  const input = useRef<HTMLInputElement>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  const upload = async (file: File | undefined) => {
    if (!file) return
    setBusy(true)
    setError(null)
    try {
      const image = await kb.uploadImage(file)
      // The file name (without its extension) is the alt text until the author writes a better one.
      onUploaded(`![${image.filename.replace(/\.[a-z0-9]+$/i, '')}](${image.url})`)
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
      if (input.current) input.current.value = ''
    }
  }

  return (
    <div className="kb-image-upload">
      <input ref={input} type="file" accept={ACCEPT} hidden onChange={(e) => void upload(e.target.files?.[0])} data-testid="kb-image-input" />
      <button type="button" className="button-small" onClick={() => input.current?.click()} disabled={busy} aria-describedby={describedBy}>
        {busy ? t('kb.uploading') : t('kb.addImage')}
      </button>
      <ErrorNotice error={error} />
    </div>
  )
}
