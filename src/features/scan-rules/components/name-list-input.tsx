import { useId, useState, type KeyboardEvent } from 'react'
import { controlClasses, Field } from '@/components/ui/field'
import { CloseIcon } from '@/components/ui/icons'
import { cn } from '@/lib/cn'
import { splitNames } from '../lib/rule-form'

export interface NameListInputProps {
  label: string
  values: string[]
  onChange: (values: string[]) => void
  /** Names from the index offered while typing; any other name is allowed too. */
  suggestions: readonly string[]
  /** Chosen names the index does not have (yet), flagged on their chips. */
  unknown?: readonly string[] | undefined
  errors?: string[] | undefined
  hint?: string
  disabled?: boolean | undefined
}

/**
 * A list of names: type one (suggestions come from the index) and press Enter or a comma,
 * or leave the box; each chosen name is a chip with its own remove button. Enter on an
 * empty box submits the form as usual.
 */
export function NameListInput({ label, values, onChange, suggestions, unknown = [], errors, hint, disabled }: NameListInputProps) {
  const listId = useId()
  const [draft, setDraft] = useState('')
  const commit = () => {
    const added = splitNames(draft, values)
    if (added.length) onChange([...values, ...added])
    setDraft('')
  }
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if ((e.key === 'Enter' || e.key === ',') && draft.trim()) {
      e.preventDefault()
      commit()
    }
  }
  const offered = suggestions.filter((s) => !values.includes(s))
  return (
    <Field label={label} hint={hint} errors={errors}>
      {({ controlId, describedBy, invalid }) => (
        <div className="flex flex-col gap-1.5">
          {values.length ? (
            <ul aria-label={`${label} chosen`} className="flex flex-wrap gap-1.5">
              {values.map((name) => {
                const missing = unknown.includes(name)
                return (
                  <li
                    key={name}
                    className={cn(
                      'inline-flex h-7 items-center gap-1 rounded-md border pr-0.5 pl-2 text-sm',
                      missing ? 'border-warning/40 bg-warning-soft text-warning' : 'border-line-strong bg-surface-muted',
                    )}
                  >
                    {name}
                    {missing ? <span className="text-xs">(not in index)</span> : null}
                    <button
                      type="button"
                      disabled={disabled}
                      onClick={() => onChange(values.filter((v) => v !== name))}
                      className="rounded p-0.5 text-fg-muted hover:bg-surface hover:text-fg"
                    >
                      <CloseIcon className="size-3.5" />
                      <span className="sr-only">Remove {name}</span>
                    </button>
                  </li>
                )
              })}
            </ul>
          ) : null}
          <input
            id={controlId}
            list={listId}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={onKeyDown}
            onBlur={commit}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            autoComplete="off"
            spellCheck={false}
            disabled={disabled}
            placeholder="Type a name and press Enter"
            className={controlClasses}
          />
          <datalist id={listId}>
            {offered.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </div>
      )}
    </Field>
  )
}
