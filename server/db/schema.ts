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

export interface Database {
  instances: InstanceTable
  repositories: RepositoryTable
  tags: TagTable
  advisories: AdvisoryTable
  advisory_packages: AdvisoryPackageTable
  advisory_aliases: AdvisoryAliasTable
  advisory_db_meta: AdvisoryDbMetaTable
}
