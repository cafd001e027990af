import { useMemo } from 'react'
import { Outlet } from 'react-router'
import { useInstance } from '@/features/instances/api/get-instance'
import { InstanceScopeContext } from '@/hooks/use-instance-provider'
import { useRouteParams } from './use-route-params'

/**
 * The layout of every page under /instances/:instanceId: it reads the instance once (the
 * query the instance page and the breadcrumb share) and hands its provider to shared
 * components below. A failed read shows nothing here; each page reports its own errors.
 */
export function InstanceScope() {
  const { instanceId } = useRouteParams('instanceId')
  const { data } = useInstance(instanceId)
  const scope = useMemo(() => (data ? { instanceId, provider: data.provider } : null), [data, instanceId])
  return (
    <InstanceScopeContext.Provider value={scope}>
      <Outlet />
    </InstanceScopeContext.Provider>
  )
}
