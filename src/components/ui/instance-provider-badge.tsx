import { queryOptions, useQuery } from '@tanstack/react-query'
import { callOperation } from '@/api/client'
import { ProviderBadge } from './provider-badge'

export interface InstanceProviderBadgeProps {
  instanceId: string
  className?: string
}

/**
 * The provider badge for pages below an instance (repository, tag, scans, report), which
 * know only the instance id. It shares the instances feature's cache entry (the same key,
 * the same getInstance answer), so a page that already shows the instance asks nothing
 * more. Nothing is shown until the instance is known: the badge is a hint, not content.
 *
 * @example
 * <InstanceProviderBadge instanceId={instanceId} />
 */
export function InstanceProviderBadge({ instanceId, className }: InstanceProviderBadgeProps) {
  const { data } = useQuery(instanceForBadgeOptions(instanceId))
  return data ? <ProviderBadge provider={data.provider} {...(className ? { className } : {})} /> : null
}

function instanceForBadgeOptions(instanceId: string) {
  return queryOptions({
    // Must stay equal to instanceKeys.detail(instanceId) in features/instances/api/keys.ts.
    queryKey: ['instances', 'detail', instanceId],
    queryFn: ({ signal }) => callOperation('getInstance', { instanceId }, { signal }),
    // A hint must not ask again for an instance the page already failed to load: that
    // second request would replace the error (and its request id) the page is showing.
    retryOnMount: false,
  })
}
