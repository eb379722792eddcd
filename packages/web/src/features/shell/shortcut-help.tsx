import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useShortcuts } from '../../lib/shortcuts.ts'

const OPEN_EVENT = 'madoguchi:shortcut-help'

export function openShortcutHelp(): void {
  window.dispatchEvent(new Event(OPEN_EVENT))
}

const SHORTCUTS: [string, string][] = [
  ['j', 'shortcuts.next'],
  ['k', 'shortcuts.previous'],
  ['Enter', 'shortcuts.open'],
  ['r', 'shortcuts.reply'],
  ['n', 'shortcuts.note'],
  ['/', 'shortcuts.search'],
  ['Ctrl / ⌘ + Enter', 'shortcuts.send'],
  ['Esc', 'shortcuts.back'],
  ['?', 'shortcuts.help'],
]

/** The `?` dialog: a native <dialog>, so focus trapping and Esc come from the browser. */
export function ShortcutHelp() {
  const { t } = useTranslation()
  const dialog = useRef<HTMLDialogElement>(null)
  const open = () => {
    if (!dialog.current?.open) dialog.current?.showModal()
  }
  useEffect(() => {
    window.addEventListener(OPEN_EVENT, open)

    return () => window.removeEventListener(OPEN_EVENT, open)
  }, [])
  useShortcuts({
    '?': open,
    '/': () => document.getElementById('global-search')?.focus(),
  })

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="shortcut-title">
      <h2 id="shortcut-title">{t('shortcuts.title')}</h2>
      <table className="shortcut-table">
        <tbody>
          {SHORTCUTS.map(([key, label]) => (
            <tr key={key}>
              <th scope="row">
                <kbd>{key}</kbd>
              </th>
              <td>{t(label)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="dialog">
        <button type="submit" className="button-primary" autoFocus>
          {t('common.close')}
        </button>
      </form>
    </dialog>
  )
}
