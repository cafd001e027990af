import { useId } from 'react'
import type { InstanceKind } from '@contract/instances'
import { providerLabel } from '@/components/ui/provider-badge'
import { instanceKindOptions } from '../lib/instance-kinds'

export interface InstanceKindPickerProps {
  value: InstanceKind
  onChange: (kind: InstanceKind) => void
  disabled?: boolean | undefined
}

/**
 * The first choice of the add-instance form: what to connect to. Radio cards, so the
 * arrow keys move between kinds; each card's explanation is its description, not its name.
 */
export function InstanceKindPicker({ value, onChange, disabled }: InstanceKindPickerProps) {
  const id = useId()
  return (
    <fieldset disabled={disabled}>
      <legend className="text-fg mb-1.5 text-xs font-medium">Kind</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {instanceKindOptions.map((kind) => {
          const labelId = `${id}-${kind.value}-label`
          const descriptionId = `${id}-${kind.value}-description`
          return (
            <label
              key={kind.value}
              className="border-line-strong has-checked:border-accent has-checked:bg-accent-soft has-focus-visible:outline-accent flex cursor-pointer gap-2 rounded-md border p-2.5 has-focus-visible:outline-2"
            >
              <input
                type="radio"
                name={`${id}-kind`}
                value={kind.value}
                checked={value === kind.value}
                onChange={() => onChange(kind.value)}
                aria-labelledby={labelId}
                aria-describedby={descriptionId}
                data-autofocus={value === kind.value ? true : undefined}
                className="mt-0.5 accent-(--ls-accent)"
              />
              <span className="text-sm font-medium">
                <span id={labelId}>{kind.label}</span>
                <span id={descriptionId} className="text-fg-muted block text-xs font-normal">
                  {kind.description}
                  {/* Only where the kind's name does not already say who serves it. */}
                  {providerLabel[kind.provider] !== kind.label ? (
                    <span className="whitespace-nowrap"> ({providerLabel[kind.provider]})</span>
                  ) : null}
                </span>
              </span>
            </label>
          )
        })}
      </div>
    </fieldset>
  )
}
