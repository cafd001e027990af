import { useVulnerabilityGrouping } from '../lib/vulnerability-grouping'

/**
 * "Group by package" (`?group=component`): a switch beside "Fixable only", with the same
 * markup (see FixableSwitch); it owns its URL key, so the tab only places it.
 */
export function GroupBySwitch() {
  const { grouped, setGrouped } = useVulnerabilityGrouping()
  return (
    <label className="relative inline-flex h-8 cursor-pointer items-center gap-2 rounded-md border border-line-strong bg-surface px-2.5 text-xs font-medium text-fg">
      <input
        type="checkbox"
        role="switch"
        checked={grouped}
        onChange={(e) => setGrouped(e.target.checked)}
        className="peer absolute inset-0 size-full cursor-pointer opacity-0"
      />
      <span
        aria-hidden="true"
        className="relative inline-block h-4 w-7 rounded-full bg-line-strong transition-colors peer-checked:bg-accent peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-focus after:absolute after:top-0.5 after:left-0.5 after:size-3 after:rounded-full after:bg-surface after:transition-transform peer-checked:after:translate-x-3"
      />
      Group by package
    </label>
  )
}
