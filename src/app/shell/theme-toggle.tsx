import { useState } from 'react'
import { MonitorIcon, MoonIcon, SunIcon } from '@/components/ui/icons'
import { cn } from '@/lib/cn'
import { readThemePreference, storeThemePreference, type ThemePreference } from '../theme'

const choices = [
  { value: 'light', label: 'Light theme', Icon: SunIcon },
  { value: 'dark', label: 'Dark theme', Icon: MoonIcon },
  { value: 'system', label: 'System theme', Icon: MonitorIcon },
] as const satisfies ReadonlyArray<{ value: ThemePreference; label: string; Icon: unknown }>

/** Light / dark / follow the system, remembered in this browser. */
export function ThemeToggle() {
  const [preference, setPreference] = useState<ThemePreference>(readThemePreference)
  const choose = (next: ThemePreference) => {
    setPreference(next)
    storeThemePreference(next)
  }
  return (
    <div role="group" aria-label="Theme" className="border-line flex rounded-md border p-0.5">
      {choices.map(({ value, label, Icon }) => (
        <button
          key={value}
          type="button"
          aria-pressed={preference === value}
          title={label}
          onClick={() => choose(value)}
          className={cn(
            'text-fg-muted hover:text-fg inline-flex size-6 items-center justify-center rounded',
            preference === value && 'bg-surface-muted text-fg',
          )}
        >
          <Icon className="size-3.5" />
          <span className="sr-only">{label}</span>
        </button>
      ))}
    </div>
  )
}
