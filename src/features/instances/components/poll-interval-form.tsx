import { MIN_POLL_INTERVAL_SECONDS, type InstanceTriggers } from '@contract/instances'
import { Select, type SelectOption } from '@/components/ui/select'
import { RelativeTime } from '@/components/ui/time'

/** Intervals offered; the API takes any number of seconds from the minimum up to 7 days. */
const PRESETS: readonly { seconds: number; label: string }[] = [
  { seconds: MIN_POLL_INTERVAL_SECONDS, label: 'Every minute' },
  { seconds: 5 * 60, label: 'Every 5 minutes' },
  { seconds: 15 * 60, label: 'Every 15 minutes' },
  { seconds: 60 * 60, label: 'Every hour' },
  { seconds: 6 * 60 * 60, label: 'Every 6 hours' },
  { seconds: 24 * 60 * 60, label: 'Every day' },
]

const OFF = 'off'

function optionsFor(current: number | null): SelectOption[] {
  const options = [{ value: OFF, label: 'Off' }, ...PRESETS.map((p) => ({ value: String(p.seconds), label: p.label }))]
  // An interval set through the API that no preset names is still shown as it is.
  if (current !== null && !PRESETS.some((p) => p.seconds === current)) options.push({ value: String(current), label: `Every ${String(current)} seconds` })
  return options
}

export interface PollIntervalFormProps {
  poll: InstanceTriggers['poll']
  pending: boolean
  onChange: (intervalSeconds: number | null) => void
}

/** How often the server re-syncs the instance to find new and moved tags, and how the last poll went. */
export function PollIntervalForm({ poll, pending, onChange }: PollIntervalFormProps) {
  return (
    <section aria-labelledby="poll-heading" className="flex flex-col gap-2">
      <h3 id="poll-heading" className="text-sm font-semibold text-fg">
        Polling
      </h3>
      <Select
        label="Re-sync and scan new or moved tags that AUTO rules match"
        options={optionsFor(poll.intervalSeconds)}
        value={poll.intervalSeconds === null ? OFF : String(poll.intervalSeconds)}
        disabled={pending}
        onChange={(e) => onChange(e.target.value === OFF ? null : Number(e.target.value))}
        fieldClassName="max-w-sm"
      />
      {poll.intervalSeconds !== null ? (
        <p className="text-xs text-fg-muted">
          Last poll <RelativeTime value={poll.lastPollTime} fallback="not yet" className="text-fg" />; next{' '}
          <RelativeTime value={poll.nextPollTime} fallback="—" className="text-fg" />.
        </p>
      ) : null}
      {poll.lastError ? (
        <p role="alert" className="rounded-md border border-danger/40 bg-danger-soft px-3 py-2 text-xs text-danger">
          <span className="font-medium">The last poll failed</span> (it is retried at the next interval): {poll.lastError}
        </p>
      ) : null}
    </section>
  )
}
