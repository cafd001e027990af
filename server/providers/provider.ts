import type { ImageReport } from '@contract/findings'
import type { InstanceKind, InstanceProvider as ProviderName, TestInstanceConnectionResult, UnsupportedOperation } from '@contract/instances'
import type { Page } from '@contract/common'
import type { CreateScanRuleInput, ScanRule, ScanRuleType, UpdateScanRuleInput } from '@contract/scan-rules'
import type { ScanService, ScanTaskType } from '@contract/scans'
import type { Db } from '../db/database'
import { ApiError } from '../errors'
import type { Logger } from '../log'
import type { StoredConnection } from './local/connection'

/**
 * The seam between what the API offers and who answers it. Every instance belongs to one
 * provider (its kind decides which); routes, the sync runner and the scan workers ask the
 * registry for the instance's provider instead of branching on kinds.
 *
 * Browsing is always served from our SQL index (repositories and tags), which each
 * provider fills in `syncIndex`; scans always land in our scan tables, where every report
 * page, export and comparison reads them. What differs is who does the work: the local
 * engine, or the upstream (ACR's scanner, StackRox Central), whose results the worker
 * copies in with the task. See docs/decisions/0006-providers.md.
 */

export interface AcrStoredConnection {
  kind: 'ACR'
  /** The OpenAPI endpoint: https://cr.<region>.aliyuncs.com unless overridden. */
  endpoint: string
  regionId: string
  acrInstanceId: string
  /** Null: the server's ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET. */
  accessKey: { id: string; secret: string } | null
}

export interface StackroxStoredConnection {
  kind: 'STACKROX'
  endpoint: string
  apiToken: string
  cluster: string | null
  insecureTls: boolean
}

/** What an instance stores to reach its upstream; secrets are decrypted only into this. */
export type StoredInstanceConnection = StoredConnection | AcrStoredConnection | StackroxStoredConnection

export type ConnectionOf<K extends InstanceKind> = K extends 'REGISTRY' | 'DIRECTORY' ? StoredConnection : Extract<StoredInstanceConnection, { kind: K }>

export interface SyncResult {
  repositories: number
  tags: number
  /** Tags that could not be read (unsupported manifest, vanished mid-sync, …). */
  skipped: { repository: string; tag: string; reason: string }[]
}

/** The scan task a worker holds, as much of it as a provider needs. */
export interface ScanTarget {
  id: string
  instanceId: string
  /** The full repository path, `namespace/name`. */
  repository: string
  tag: string
  digest: string
  scanService: ScanService
  scanType: ScanTaskType
  platform: string
}

export interface SyncContext {
  db: Db
  instanceId: string
  log: Logger
  signal?: AbortSignal | undefined
}

export interface InstanceProvider<K extends InstanceKind = InstanceKind> {
  readonly name: ProviderName
  /**
   * Tests the connection step by step. A failure the user can fix (DNS, TLS, refused
   * credentials, missing permission, throttling) is an `ok: false` answer naming the stage;
   * createInstance refuses to store a connection whose test fails.
   */
  testConnection(conn: ConnectionOf<K>, signal?: AbortSignal): Promise<TestInstanceConnectionResult>
  /** Rebuilds the instance's index of repositories and tags from the upstream. */
  syncIndex(conn: ConnectionOf<K>, ctx: SyncContext): Promise<SyncResult>
  /**
   * Who runs scans: `engine` (ours, over the image source) or `upstream`, whose `run`
   * starts the scan there, waits for it within `signal` and answers the report.
   */
  readonly scan: { where: 'engine' } | { where: 'upstream'; run(conn: ConnectionOf<K>, target: ScanTarget, signal: AbortSignal): Promise<ImageReport> }
  /**
   * Where the upstream keeps scan rules of its own (ACR's CreateScanRule …), the rule
   * operations of its instances go there instead of our scan_rules table; absent, ours.
   */
  readonly rules?: UpstreamScanRules<K>
  /** Operations the upstream cannot answer, by operation name, with the reason shown to users. */
  readonly unsupported: Readonly<Record<string, string>>
  /** Refuses a scan the upstream cannot run (before anything is queued). */
  assertScanSupported(input: { scanService: ScanService; scanType: ScanTaskType }): void
}

/** Proves a connection works before anything is stored, or throws the error createInstance answers. */
export async function checkConnection<K extends InstanceKind>(provider: InstanceProvider<K>, conn: ConnectionOf<K>, signal?: AbortSignal): Promise<{ message: string; repositoryCount: number | null }> {
  const result = await provider.testConnection(conn, signal)
  if (result.ok) return result
  throw new ApiError(result.code, result.hint ? `${result.message} ${result.hint}` : result.message, result.field ? { [result.field]: [result.message] } : undefined)
}

/** The contract's list of what an instance cannot do. */
export function unsupportedOperations(provider: Pick<InstanceProvider, 'unsupported'>): UnsupportedOperation[] {
  return Object.entries(provider.unsupported).map(([operation, reason]) => ({ operation, reason }))
}

/** Throws OPERATION_NOT_SUPPORTED when the provider lacks `operation`. */
export function assertSupported(provider: Pick<InstanceProvider, 'unsupported' | 'name'>, operation: string): void {
  const reason = provider.unsupported[operation]
  if (reason !== undefined) throw new ApiError('OPERATION_NOT_SUPPORTED', `${operation} is not available for ${provider.name} instances: ${reason}`)
}

/** A rule as an upstream keeps it: no instance id of ours, none of our extensions. */
export type UpstreamScanRule = Omit<ScanRule, 'instanceId' | 'rescanOnAdvisoryUpdate' | 'unknownNamespaces' | 'unknownRepos'>

/**
 * Scan-rule CRUD against the upstream. The upstream runs its own AUTO rules on push, so
 * these rules never enter scan_rules and our poller does not run them a second time.
 */
export interface UpstreamScanRules<K extends InstanceKind = InstanceKind> {
  create(conn: ConnectionOf<K>, input: CreateScanRuleInput): Promise<{ scanRuleId: string }>
  get(conn: ConnectionOf<K>, scanRuleId: string): Promise<UpstreamScanRule>
  list(conn: ConnectionOf<K>, q: { scanType?: ScanRuleType | undefined; pageNo: number; pageSize: number }): Promise<Page<UpstreamScanRule>>
  update(conn: ConnectionOf<K>, input: UpdateScanRuleInput): Promise<{ scanRuleId: string }>
  delete(conn: ConnectionOf<K>, scanRuleId: string): Promise<void>
}
