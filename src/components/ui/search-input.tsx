import { useEffect, useId, useRef, useState } from 'react'
import { cn } from '@/lib/cn'
import { controlClasses } from './field'
import { SearchIcon } from './icons'

export interface SearchInputProps {
  label: string
  /** The applied search (from the URL). */
  value: string
  /** Called with the trimmed text once typing pauses, or at once on Enter. */
  onValueChange: (value: string) => void
  placeholder?: string
  debounceMs?: number
  className?: string
}

/**
 * A search box that applies its text after typing pauses, and follows the URL when it
 * changes from outside (back button, "Clear filters").
 */
export function SearchInput({ label, value, onValueChange, placeholder, debounceMs = 300, className }: SearchInputProps) {
  const id = useId()
  const [draft, setDraft] = useState(value)
  const [applied, setApplied] = useState(value)
  const onChangeRef = useRef(onValueChange)

  // Follow outside changes of the applied value (derived state, adjusted during render).
  if (value !== applied) {
    setApplied(value)
    if (value !== draft.trim()) setDraft(value)
  }

  useEffect(() => {
    onChangeRef.current = onValueChange
  }, [onValueChange])

  useEffect(() => {
    const next = draft.trim()
    if (next === applied) return undefined
    const timer = window.setTimeout(() => onChangeRef.current(next), debounceMs)
    return () => window.clearTimeout(timer)
  }, [draft, applied, debounceMs])

  return (
    <div className={cn('relative', className)}>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <SearchIcon className="pointer-events-none absolute top-1/2 left-2.5 size-3.5 -translate-y-1/2 text-fg-muted" />
      <input
        id={id}
        type="search"
        value={draft}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && draft.trim() !== applied) onValueChange(draft.trim())
        }}
        className={cn(controlClasses, 'pl-8')}
      />
    </div>
  )
}
