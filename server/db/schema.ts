import type { ColumnType, Generated } from 'kysely'
import type { AuditActorVia } from '@contract/audit'

/** Table types for Kysely. Timestamps are timestamptz (Date in both drivers). */
type Timestamp = ColumnType<Date, Date | string, Date | string>

export interface InstanceTable {
  id: string
  name: string
  provider: string
  kind: 'REGISTRY' | 'DIRECTORY' | 'ACR' | 'STACKROX'
  endpoint: string
  username: string | null
  /** AES-256-GCM ciphertext (`enc:v1:…`, server/instances/credentials-crypto.ts), never plain text. */
  password: string | null
  insecure_tls: boolean
  /** ACR: the Alibaba Cloud region (0009-providers). */
  region_id: ColumnType<string | null, string | null | undefined, string | null>
  /** ACR: the instance id in Alibaba Cloud. */
  upstream_instance_id: ColumnType<string | null, string | null | undefined, string | null>
  /** STACKROX: the cluster Central scans from; null lets Central choose. */
  cluster: ColumnType<string | null, string | null | undefined, string | null>
  sync_status: 'PENDING' | 'SYNCING' | 'READY' | 'FAILED'
  sync_error: string | null
  last_sync_at: Timestamp | null
  created_at: Timestamp
  modified_at: Timestamp
}

export interface RepositoryTable {
  id: string
  instance_id: string
  namespace: string
  name: string
  full_name: string
  last_push_at: Timestamp | null
  created_at: Timestamp
  modified_at: Timestamp
}

export interface TagTable {
  repo_id: string
  instance_id: string
  tag: string
  digest: string
  media_type: string
  image_size: number
  platforms: ColumnType<string[], string, string>
  layer_count: number
  image_created_at: Timestamp | null
  push_time: Timestamp
  synced_at: Timestamp
  seq: Generated<number>
}

/** One OSV record; `raw` is the record as the source published it (jsonb). */
export interface AdvisoryTable {
  id: string
  modified: Timestamp
  published: Timestamp | null
  withdrawn: Timestamp | null
  summary: string | null
  raw: ColumnType<unknown, string, string>
  imported_at: Timestamp
}

export interface AdvisoryPackageTable {
  advisory_id: string
  ecosystem: string
  ecosystem_base: string
  name: string
}

export interface AdvisoryAliasTable {
  advisory_id: string
  alias: string
  kind: 'alias' | 'upstream' | 'related'
}

export interface AdvisoryDbMetaTable {
  id: number
  imported_at: Timestamp
  record_count: number
}

export type ScanStatusColumn = 'QUEUED' | 'SCANNING' | 'COMPLETE' | 'FAILED' | 'RETRYING'
type Json<T> = ColumnType<T, string, string>

/** A scan task, which is also its job: see docs/decisions/0003-scan-queue.md. */
export interface ScanTaskTable {
  id: string
  instance_id: string
  repo_id: string
  repository: string
  tag: string
  digest: string
  /** '' for the default platform. */
  platform: string
  scan_service: 'ACR_SCAN_SERVICE' | 'SAS_SCAN_SERVICE'
  status: ScanStatusColumn
  attempts: number
  max_attempts: number
  run_at: Timestamp
  lease_until: Timestamp | null
  worker_id: string | null
  layers_done: number
  layers_total: number
  error_code: string | null
  error_message: string | null
  /** ScanSummaryCounts (server/scans/scan-summary.ts) once COMPLETE. */
  summary: Json<unknown> | null
  created_at: Timestamp
  started_at: Timestamp | null
  finished_at: Timestamp | null
  updated_at: Timestamp
  seq: Generated<number>
  /** Who started the task (contract scanTaskTrigger). */
  trigger_kind: ColumnType<ScanTriggerKindColumn, ScanTriggerKindColumn | undefined, ScanTriggerKindColumn>
  trigger_rule_id: ColumnType<string | null, string | null | undefined, string | null>
  trigger_actor: ColumnType<string | null, string | null | undefined, string | null>
  trigger_detail: ColumnType<string | null, string | null | undefined, string | null>
  /** VUL: packages matched against advisories; SBOM: the inventory only. */
  scan_type: ColumnType<'VUL' | 'SBOM', 'VUL' | 'SBOM' | undefined, 'VUL' | 'SBOM'>
}

export type ScanTriggerKindColumn = 'USER' | 'RULE' | 'PUSH' | 'POLL' | 'ADVISORY_UPDATE' | 'DEMO'

export interface ScanTaskAttemptTable {
  task_id: string
  attempt: number
  worker_id: string
  started_at: Timestamp
  ended_at: Timestamp | null
  outcome: 'COMPLETE' | 'FAILED' | 'RETRYING' | 'RELEASED' | 'LOST' | null
  error_code: string | null
  error_message: string | null
}

export interface ScanReportTable {
  task_id: string
  /** The engine's ImageReport. */
  report: Json<unknown>
  created_at: Timestamp
}

export interface ScanVulnerabilityTable {
  id: Generated<number>
  task_id: string
  cve_name: string
  package_name: string
  package_version: string
  severity: string
  severity_rank: number
  cvss_score: number | null
  scan_type: 'cve' | 'sca'
  fixable: boolean
  search_text: string
  /** The VulnerabilityItem the list answers. */
  item: Json<unknown>
}

export interface ScanComponentTable {
  id: Generated<number>
  task_id: string
  component_id: string
  name: string
  version: string
  format: string
  source: string
  layer_index: number
  purl: string
  component: Json<unknown>
}

export interface ScanBaselineTable {
  id: Generated<number>
  task_id: string
  check_id: string
  level: string
  level_rank: number
  path: string | null
  layer_index: number | null
  finding: Json<unknown>
}

export interface ScanMaliciousTable {
  id: Generated<number>
  task_id: string
  level: string
  level_rank: number
  file_path: string
  md5: string
  sha256: string
  layer_index: number
  finding: Json<unknown>
}

export interface ScanRuleTable {
  id: string
  instance_id: string
  name: string
  scan_scope: 'INSTANCE' | 'NAMESPACE' | 'REPO'
  trigger_type: 'AUTO' | 'MANUAL'
  scan_type: 'VUL' | 'SBOM'
  /** RE2 syntax, matched against the whole tag name. */
  tag_pattern: string
  namespaces: Json<string[]>
  repo_names: Json<string[]>
  created_at: Timestamp
  updated_at: Timestamp
  seq: Generated<number>
  rescan_on_advisory_update: ColumnType<boolean, boolean | undefined, boolean>
  /** A legacy rule's move upstream in progress since then (legacy-rules.ts); null: none. */
  move_started_at: ColumnType<Date | null, Date | null | undefined, Date | null>
}

/** An instance's webhook secret (its hash) and poll schedule; no row = neither is set. */
export interface InstanceTriggersTable {
  instance_id: string
  /** sha256 of the secret, hex; the secret is shown once when set and never stored. */
  webhook_secret_hash: string | null
  webhook_secret_set_at: Timestamp | null
  webhook_last_delivery_at: Timestamp | null
  /** Null: polling off. */
  poll_interval_seconds: number | null
  poll_next_at: Timestamp | null
  /** Tags pushed after this were not looked at by a poll yet. */
  poll_checked_at: Timestamp | null
  poll_lease_until: Timestamp | null
  poll_last_at: Timestamp | null
  poll_error: string | null
}

/** Registry notification events already handled, by the registry's event id (retries repeat it). */
export interface WebhookDeliveryTable {
  instance_id: string
  event_id: string
  received_at: Timestamp
}

/** Advisory store changes (advisory_db_meta.imported_at) already rescanned for. */
export interface AdvisoryRescanTable {
  imported_at: Timestamp
  started_at: Timestamp
  finished_at: Timestamp | null
  queued: ColumnType<number, number | undefined, number>
  existing: ColumnType<number, number | undefined, number>
}

export interface ApiTokenTable {
  id: string
  name: string
  role: 'viewer' | 'operator' | 'approver' | 'admin'
  /** SHA-256 of the token, hex; the token itself is never stored. */
  token_hash: string
  created_by: string
  created_at: Timestamp
  last_used_at: Timestamp | null
  expires_at: Timestamp | null
  revoked_at: Timestamp | null
  seq: Generated<number>
}

export interface AuthSessionTable {
  /** SHA-256 of the session cookie's value, hex. */
  id_hash: string
  token_id: string
  csrf_token: string
  created_at: Timestamp
  expires_at: Timestamp
}

export interface AuditEventTable {
  id: Generated<number>
  time: Timestamp
  actor: string
  actor_via: AuditActorVia
  action: string
  target: string
  details: Json<Record<string, unknown>>
  request_id: string | null
}

/** A vulnerability exception: one finding (CVE + package version) in one scope (server/exceptions/). */
export interface VulnExceptionTable {
  id: string
  instance_id: string
  kind: 'DEFERRAL' | 'FALSE_POSITIVE'
  status: 'PENDING' | 'APPROVED' | 'DENIED' | 'WITHDRAWN' | 'EXPIRED'
  scope: 'DIGEST' | 'REPOSITORY' | 'COMPONENT'
  repo_id: string | null
  repository: string | null
  digest: string | null
  cve_name: string
  package_name: string
  package_version: string
  package_format: string
  component_id: string
  scan_task_id: string
  advisory_ecosystem: string | null
  advisory_package: string | null
  advisory_version: string | null
  expiry: 'TWO_WEEKS' | 'THIRTY_DAYS' | 'NINETY_DAYS' | 'UNTIL_FIXED' | 'DATE' | null
  expires_at: Timestamp | null
  reason: string
  justification: string
  requested_by_id: string
  requested_by_name: string
  requested_at: Timestamp
  decided_by_id: string | null
  decided_by_name: string | null
  decided_at: Timestamp | null
  decision_comment: string | null
  closed_at: Timestamp | null
  seq: Generated<number>
}

/** The append-only history of an exception. */
export interface VulnExceptionEventTable {
  id: Generated<number>
  exception_id: string
  action: 'REQUESTED' | 'APPROVED' | 'DENIED' | 'WITHDRAWN' | 'EXPIRED' | 'REOPENED_ON_FIX'
  actor_id: string
  actor_name: string
  time: Timestamp
  comment: string | null
}

export interface Database {
  instances: InstanceTable
  repositories: RepositoryTable
  tags: TagTable
  advisories: AdvisoryTable
  advisory_packages: AdvisoryPackageTable
  advisory_aliases: AdvisoryAliasTable
  advisory_db_meta: AdvisoryDbMetaTable
  scan_tasks: ScanTaskTable
  scan_task_attempts: ScanTaskAttemptTable
  scan_reports: ScanReportTable
  scan_vulnerabilities: ScanVulnerabilityTable
  scan_components: ScanComponentTable
  scan_baseline: ScanBaselineTable
  scan_malicious: ScanMaliciousTable
  scan_rules: ScanRuleTable
  instance_triggers: InstanceTriggersTable
  webhook_deliveries: WebhookDeliveryTable
  advisory_rescans: AdvisoryRescanTable
  api_tokens: ApiTokenTable
  auth_sessions: AuthSessionTable
  audit_events: AuditEventTable
  vuln_exceptions: VulnExceptionTable
  vuln_exception_events: VulnExceptionEventTable
}
