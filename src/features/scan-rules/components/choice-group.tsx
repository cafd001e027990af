import { useId } from 'react'

export interface Choice<V extends string> {
  value: V
  label: string
  hint: string
}

export interface ChoiceGroupProps<V extends string> {
  legend: string
  choices: readonly Choice<V>[]
  value: V
  onChange: (value: V) => void
  disabled?: boolean | undefined
  /** Columns on wide screens. */
  columns?: 2 | 3
}

/** Radio buttons as cards in a fieldset: arrow keys move between them, as in any radio group. */
export function ChoiceGroup<V extends string>({ legend, choices, value, onChange, disabled, columns = 2 }: ChoiceGroupProps<V>) {
  const name = useId()
  return (
    <fieldset disabled={disabled}>
      <legend className="mb-1.5 text-xs font-medium text-fg">{legend}</legend>
      <div className={columns === 3 ? 'grid gap-2 sm:grid-cols-3' : 'grid gap-2 sm:grid-cols-2'}>
        {choices.map((choice) => (
          <label
            key={choice.value}
            className="flex cursor-pointer gap-2 rounded-md border border-line-strong p-2.5 has-checked:border-accent has-checked:bg-accent-soft"
          >
            <input
              type="radio"
              name={name}
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
              className="mt-0.5 accent-(--ls-accent)"
            />
            <span className="text-sm font-medium">
              {choice.label}
              <span className="block text-xs font-normal text-fg-muted">{choice.hint}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  )
}
