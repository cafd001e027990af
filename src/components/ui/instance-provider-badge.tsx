import { useInstanceProvider } from '@/hooks/use-instance-provider'
import { ProviderBadge } from './provider-badge'

export interface InstanceProviderBadgeProps {
  instanceId: string
  className?: string
}

/**
 * The provider badge for pages below an instance (repository, tag, scans, report), which
 * know only the instance id. The instance route already loads the instance and shares its
 * provider (useInstanceProvider), so the badge asks nothing of its own. Nothing is shown
 * until the instance is known: the badge is a hint, not content.
 *
 * @example
 * <InstanceProviderBadge instanceId={instanceId} />
 */
export function InstanceProviderBadge({ instanceId, className }: InstanceProviderBadgeProps) {
  const provider = useInstanceProvider(instanceId)
  return provider ? <ProviderBadge provider={provider} {...(className ? { className } : {})} /> : null
}
