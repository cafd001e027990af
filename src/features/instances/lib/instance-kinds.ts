import type { ConnectionCheckStep, InstanceKind, InstanceProvider } from '@contract/instances'
import { providerOfKind } from '@contract/instances'

export interface InstanceKindOption {
  value: InstanceKind
  label: string
  /** One line on what this kind connects to. */
  description: string
  provider: InstanceProvider
}

/** The kinds the add-instance form offers, in the order shown. */
export const instanceKindOptions: readonly InstanceKindOption[] = [
  {
    value: 'REGISTRY',
    label: 'Registry',
    description: 'An OCI distribution registry over HTTP(S), scanned by Layerscope.',
    provider: providerOfKind.REGISTRY,
  },
  {
    value: 'DIRECTORY',
    label: 'Directory',
    description: 'OCI image layouts and docker save archives on the server, scanned by Layerscope.',
    provider: providerOfKind.DIRECTORY,
  },
  {
    value: 'ACR',
    label: 'Alibaba Cloud ACR',
    description: 'An ACR Enterprise Edition instance, browsed and scanned through Alibaba Cloud’s OpenAPI.',
    provider: providerOfKind.ACR,
  },
  {
    value: 'STACKROX',
    label: 'StackRox Central',
    description: 'Image scans from StackRox or Red Hat Advanced Cluster Security, read with an API token.',
    provider: providerOfKind.STACKROX,
  },
]

const commonStepLabels: Record<ConnectionCheckStep, string> = {
  resolve: 'Resolve host',
  connect: 'Connect',
  tls: 'TLS',
  api: 'Registry API',
  credentials: 'Credentials',
  catalog: 'Catalog',
}

/**
 * What each step of a connection test is called for a kind: the API and the listing
 * step name what that upstream offers.
 *
 * @example connectionStepLabel('STACKROX', 'api') // 'Central API'
 */
export function connectionStepLabel(kind: InstanceKind, step: ConnectionCheckStep): string {
  if (kind === 'ACR')
    return step === 'api'
      ? 'Alibaba Cloud OpenAPI'
      : step === 'catalog'
        ? 'ACR instance'
        : step === 'credentials'
          ? 'AccessKey'
          : commonStepLabels[step]
  if (kind === 'STACKROX')
    return step === 'api'
      ? 'Central API'
      : step === 'credentials'
        ? 'API token'
        : step === 'catalog'
          ? 'Images'
          : commonStepLabels[step]
  return commonStepLabels[step]
}
