import { createContext, useContext } from 'react'
import type { InstanceProvider } from '@contract/instances'

/** The instance the current page sits under, as far as shared components need it. */
export interface InstanceInScope {
  instanceId: string
  provider: InstanceProvider
}

/**
 * Filled by the app's instance route once the instance is loaded, so shared components
 * (the provider badge) can show it without importing a feature's queries: features lend
 * code to the app layer, never to shared code.
 */
export const InstanceScopeContext = createContext<InstanceInScope | null>(null)

/**
 * The provider of `instanceId` when the page sits under that instance and it is loaded;
 * otherwise null (nothing to show yet).
 *
 * @example
 * const provider = useInstanceProvider(instanceId)
 * return provider ? <ProviderBadge provider={provider} /> : null
 */
export function useInstanceProvider(instanceId: string): InstanceProvider | null {
  const scope = useContext(InstanceScopeContext)
  return scope?.instanceId === instanceId ? scope.provider : null
}
