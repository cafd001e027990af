import type { InstanceKind } from '@contract/instances'
import type { Db } from '../db/database'
import { AcrProvider, type AcrProviderOptions } from './acr/acr-provider'
import { localProvider } from './local/local-provider'
import type { InstanceProvider } from './provider'
import { StackroxProvider, type StackroxProviderOptions } from './stackrox/stackrox-provider'

/** The provider serving each instance kind. */
export interface ProviderRegistry {
  readonly REGISTRY: InstanceProvider<'REGISTRY' | 'DIRECTORY'>
  readonly DIRECTORY: InstanceProvider<'REGISTRY' | 'DIRECTORY'>
  readonly ACR: InstanceProvider<'ACR'>
  readonly STACKROX: InstanceProvider<'STACKROX'>
}

export interface ProviderRegistryOptions {
  acr?: AcrProviderOptions
  stackrox?: StackroxProviderOptions
}

export function createProviderRegistry(opts: ProviderRegistryOptions = {}): ProviderRegistry {
  const acr = new AcrProvider(opts.acr ?? { envAccessKey: null })
  const stackrox = new StackroxProvider(opts.stackrox)
  return { REGISTRY: localProvider, DIRECTORY: localProvider, ACR: acr, STACKROX: stackrox }
}

// The registry travels with the database handle, as the credentials cipher does, so the
// sync runner, scan service and workers find it without each being handed it. Boot binds
// one built from the environment; tests bind one pointed at their fake upstreams.
const registries = new WeakMap<object, ProviderRegistry>()
let fallback: ProviderRegistry | undefined

export function bindProviders(db: Db, registry: ProviderRegistry): void {
  registries.set(db, registry)
}

/** The registry bound to `db`, else the defaults. */
export function providersFor(db: Db): ProviderRegistry {
  return registries.get(db) ?? defaultProviders()
}

/** Providers with default options (no AccessKey from the environment): enough for what does not call upstream. */
export function defaultProviders(): ProviderRegistry {
  return (fallback ??= createProviderRegistry())
}

/**
 * The provider of one kind, typed so its connection matches.
 *
 * @example
 * const provider = providerOf(providersFor(db), conn.kind)
 */
export function providerOf<K extends InstanceKind>(registry: ProviderRegistry, kind: K): InstanceProvider<K> {
  // Each entry serves (at least) its own kind; TypeScript cannot see that through the index.
  return registry[kind] as unknown as InstanceProvider<K>
}
