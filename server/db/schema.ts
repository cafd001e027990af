import type { ColumnType, Generated } from 'kysely'

/** Table types for Kysely. Timestamps are timestamptz (Date in both drivers). */
type Timestamp = ColumnType<Date, Date | string, Date | string>

export interface InstanceTable {
  id: string
  name: string
  provider: string
  kind: 'REGISTRY' | 'DIRECTORY'
  endpoint: string
  username: string | null
  /** Stored as given for now; encryption at rest comes with the sign-in and roles work. */
  password: string | null
  insecure_tls: boolean
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
}

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
}
