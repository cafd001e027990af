export interface FixableSwitchProps {
  /** True: only findings with a fixed version (`?fixable=true`). */
  checked: boolean
  onChange: (checked: boolean) => void
}

/**
 * "Fixable only": a switch, since it narrows the list at once rather than being submitted.
 * The real checkbox lies transparent over the whole control, so it takes clicks and focus;
 * the track beside the label shows its state.
 */
export function FixableSwitch({ checked, onChange }: FixableSwitchProps) {
  return (
    <label className="relative inline-flex h-8 cursor-pointer items-center gap-2 rounded-md border border-line-strong bg-surface px-2.5 text-xs font-medium text-fg">
      <input
        type="checkbox"
        role="switch"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        className="peer absolute inset-0 size-full cursor-pointer opacity-0"
      />
      <span
        aria-hidden="true"
        className="relative inline-block h-4 w-7 rounded-full bg-line-strong transition-colors peer-checked:bg-accent peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-focus after:absolute after:top-0.5 after:left-0.5 after:size-3 after:rounded-full after:bg-surface after:transition-transform peer-checked:after:translate-x-3"
      />
      Fixable only
    </label>
  )
}
