import { useState } from 'react'
import type { InputHTMLAttributes } from 'react'

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> & { value: string[]; onChange(list: string[]): void }

/**
 * A list typed as "a, b" (or 「a、b」). Keeps the text as typed, so a trailing
 * comma stays while the next item is written; the list is what the caller sees.
 */
export function CommaListInput({ value, onChange, ...rest }: Props) {
  const [text, setText] = useState(value.join(', '))

  return (
    <input
      {...rest}
      value={text}
      onChange={(e) => {
        setText(e.target.value)
        onChange(e.target.value.split(/[,、]/).map((s) => s.trim()).filter(Boolean))
      }}
    />
  )
}
