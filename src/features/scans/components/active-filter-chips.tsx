import type { FilterChip } from '../lib/vulnerability-filter-chips'

export interface ActiveFilterChipsProps {
  chips: readonly FilterChip[]
  onRemove: (chip: FilterChip) => void
}

/** The filters a chart link set, each removable; nothing when there are none. */
export function ActiveFilterChips({ chips, onRemove }: ActiveFilterChipsProps) {
  if (chips.length === 0) return null
  return (
    <ul aria-label="Active filters" className="flex flex-wrap items-center gap-1">
      {chips.map((chip) => (
        <li key={chip.key} className="inline-flex h-7 items-center gap-1 rounded-full border border-accent bg-accent-soft pr-1 pl-2.5 text-xs text-fg">
          {chip.label}
          <button
            type="button"
            onClick={() => onRemove(chip)}
            aria-label={`Remove filter ${chip.label}`}
            className="inline-flex size-5 items-center justify-center rounded-full text-fg-muted hover:bg-surface hover:text-fg"
          >
            <span aria-hidden="true">×</span>
          </button>
        </li>
      ))}
    </ul>
  )
}
