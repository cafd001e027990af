import type { InstanceProvider } from '@contract/instances'
import { cn } from '@/lib/cn'

/** What each provider is called wherever an instance is shown. */
export const providerLabel: Record<InstanceProvider, string> = {
  local: 'Local scanner',
  acr: 'Alibaba Cloud ACR',
  stackrox: 'StackRox Central',
}

/** A letter mark per provider, so the badges differ by shape as well as by name. */
const marks: Record<InstanceProvider, string> = { local: 'L', acr: 'A', stackrox: 'S' }

export interface ProviderBadgeProps {
  provider: InstanceProvider
  className?: string
}

/**
 * Which provider serves an instance: our own scanner, Alibaba Cloud ACR or StackRox
 * Central. Read aloud as "Provider: Local scanner"; the visible text is the name alone.
 *
 * @example
 * <ProviderBadge provider={instance.provider} />
 */
export function ProviderBadge({ provider, className }: ProviderBadgeProps) {
  return (
    <span
      data-provider={provider}
      className={cn(
        'border-line bg-neutral-soft text-fg inline-flex items-center gap-1 rounded border px-1.5 py-px text-xs font-medium whitespace-nowrap',
        className,
      )}
    >
      <span
        aria-hidden="true"
        className="bg-fg text-surface inline-grid size-3.5 place-items-center rounded-sm text-[0.625rem] leading-none font-bold"
      >
        {marks[provider]}
      </span>
      <span className="sr-only">Provider: </span>
      {providerLabel[provider]}
    </span>
  )
}
