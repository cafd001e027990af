import { useQuery } from '@tanstack/react-query'
// The one shared piece a feature lends: the instance query itself (key factory and fetcher),
// so this badge and the instance pages read one cache entry and can never drift apart.
import { getInstanceOptions } from '@/features/instances/api/get-instance'
import { ProviderBadge } from './provider-badge'

export interface InstanceProviderBadgeProps {
  instanceId: string
  className?: string
}

/**
 * The provider badge for pages below an instance (repository, tag, scans, report), which
 * know only the instance id. It uses the instances feature's own query options, so a page
 * that already shows the instance asks nothing more. Nothing is shown until the instance
 * is known: the badge is a hint, not content.
 *
 * @example
 * <InstanceProviderBadge instanceId={instanceId} />
 */
export function InstanceProviderBadge({ instanceId, className }: InstanceProviderBadgeProps) {
  const { data } = useQuery(getInstanceOptions(instanceId))
  return data ? <ProviderBadge provider={data.provider} {...(className ? { className } : {})} /> : null
}
