import { sql } from 'kysely'
import type { Instance } from '@contract/instances'
import type { Page } from '@contract/common'
import type { Db } from '../db/database'
import { ApiError } from '../errors'
import type { StoredConnection } from '../providers/local/connection'
import type { StoredInstanceConnection } from '../providers/provider'
import { unsupportedOperations } from '../providers/provider'
import { defaultProviders, providerOf } from '../providers/provider-registry'
import { credentialCipherFor } from './credentials-crypto'

/** Instance rows plus the counts the list shows, in one query. */
function selectInstances(db: Db) {
  return db
    .selectFrom('instances as i')
    .selectAll('i')
    .select((eb) => [
      eb.selectFrom('repositories as r').whereRef('r.instance_id', '=', 'i.id').select(sql<number>`count(*)::int`.as('n')).as('repo_count'),
      eb
        .selectFrom('repositories as r')
        .whereRef('r.instance_id', '=', 'i.id')
        .select(sql<number>`count(distinct r.namespace)::int`.as('n'))
        .as('namespace_count'),
      eb.selectFrom('tags as t').whereRef('t.instance_id', '=', 'i.id').select(sql<number>`count(*)::int`.as('n')).as('tag_count'),
    ])
}

type InstanceWithCounts = Awaited<ReturnType<ReturnType<typeof selectInstances>['executeTakeFirstOrThrow']>>

export function toInstance(row: InstanceWithCounts): Instance {
  return {
    instanceId: row.id,
    instanceName: row.name,
    provider: providerOf(defaultProviders(), row.kind).name,
    kind: row.kind,
    endpoint: row.endpoint,
    // ACR keeps its AccessKey ID in this column; only a registry user name is shown.
    username: row.kind === 'REGISTRY' ? row.username : null,
    hasPassword: row.password !== null && row.password !== '',
    insecureTls: row.insecure_tls,
    regionId: row.region_id,
    upstreamInstanceId: row.upstream_instance_id,
    credentialSource: row.kind === 'ACR' ? (row.password ? 'STORED' : 'ENVIRONMENT') : null,
    cluster: row.cluster,
    unsupportedOperations: unsupportedOperations(providerOf(defaultProviders(), row.kind)),
    syncStatus: row.sync_status,
    syncError: row.sync_error,
    lastSyncTime: row.last_sync_at ? new Date(row.last_sync_at).getTime() : null,
    namespaceCount: row.namespace_count ?? 0,
    repoCount: row.repo_count ?? 0,
    tagCount: row.tag_count ?? 0,
    createTime: new Date(row.created_at).getTime(),
    modifiedTime: new Date(row.modified_at).getTime(),
  }
}

export async function listInstances(db: Db, q: { pageNo: number; pageSize: number; instanceName?: string | undefined }): Promise<Page<Instance>> {
  return db.transaction().execute(async (trx) => {
    let base = trx.selectFrom('instances as i')
    if (q.instanceName) base = base.where(sql<boolean>`strpos(lower(i.name), lower(${q.instanceName})) > 0`)
    const { n } = await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()
    let rows = selectInstances(trx)
    if (q.instanceName) rows = rows.where(sql<boolean>`strpos(lower(i.name), lower(${q.instanceName})) > 0`)
    const items = await rows
      .orderBy(sql`lower(i.name)`)
      .orderBy('i.id')
      .limit(q.pageSize)
      .offset((q.pageNo - 1) * q.pageSize)
      .execute()
    return { items: items.map(toInstance), totalCount: n, pageNo: q.pageNo, pageSize: q.pageSize }
  })
}

export async function getInstance(db: Db, instanceId: string): Promise<Instance> {
  const row = await selectInstances(db).where('i.id', '=', instanceId).executeTakeFirst()
  if (!row) throw new ApiError('INSTANCE_NOT_EXIST', `Instance ${instanceId} does not exist.`)
  return toInstance(row)
}

/** The connection of a local (REGISTRY or DIRECTORY) instance; other kinds have no image source of ours. */
export async function getInstanceConnection(db: Db, instanceId: string): Promise<StoredConnection> {
  const conn = await getStoredConnection(db, instanceId)
  if (conn.kind === 'ACR' || conn.kind === 'STACKROX') {
    throw new ApiError('OPERATION_NOT_SUPPORTED', `Instance ${instanceId} is served by the ${conn.kind === 'ACR' ? 'acr' : 'stackrox'} provider: its images are not pulled by this server.`)
  }
  return conn
}

/** Any instance's connection, its secret decrypted (credentials-crypto.ts). */
export async function getStoredConnection(db: Db, instanceId: string): Promise<StoredInstanceConnection> {
  const row = await db.selectFrom('instances').selectAll().where('id', '=', instanceId).executeTakeFirst()
  if (!row) throw new ApiError('INSTANCE_NOT_EXIST', `Instance ${instanceId} does not exist.`)
  const password = row.password ? credentialCipherFor(db).decrypt(row.password, row.id) : row.password
  switch (row.kind) {
    case 'ACR':
      return {
        kind: 'ACR',
        endpoint: row.endpoint,
        regionId: row.region_id ?? '',
        acrInstanceId: row.upstream_instance_id ?? '',
        accessKey: row.username && password ? { id: row.username, secret: password } : null,
      }
    case 'STACKROX':
      return { kind: 'STACKROX', endpoint: row.endpoint, apiToken: password ?? '', cluster: row.cluster, insecureTls: row.insecure_tls }
    default:
      return { kind: row.kind, endpoint: row.endpoint, username: row.username, password, insecureTls: row.insecure_tls }
  }
}

/** The columns each kind keeps: the secret half always in `password`, to be encrypted. */
function connectionColumns(conn: StoredInstanceConnection) {
  switch (conn.kind) {
    case 'ACR':
      return { endpoint: conn.endpoint, username: conn.accessKey?.id ?? null, password: conn.accessKey?.secret ?? null, insecure_tls: false, region_id: conn.regionId, upstream_instance_id: conn.acrInstanceId, cluster: null }
    case 'STACKROX':
      return { endpoint: conn.endpoint, username: null, password: conn.apiToken, insecure_tls: conn.insecureTls, region_id: null, upstream_instance_id: null, cluster: conn.cluster }
    default:
      return { endpoint: conn.endpoint, username: conn.username, password: conn.password, insecure_tls: conn.insecureTls, region_id: null, upstream_instance_id: null, cluster: null }
  }
}

export async function insertInstance(db: Db, id: string, name: string, conn: StoredInstanceConnection): Promise<void> {
  const now = new Date()
  const { password, ...columns } = connectionColumns(conn)
  try {
    await db
      .insertInto('instances')
      .values({
        id,
        name,
        provider: providerOf(defaultProviders(), conn.kind).name,
        kind: conn.kind,
        ...columns,
        // Encrypted at rest (credentials-crypto.ts); only getStoredConnection decrypts it.
        password: password ? credentialCipherFor(db).encrypt(password, id) : password,
        sync_status: 'PENDING',
        sync_error: null,
        last_sync_at: null,
        created_at: now,
        modified_at: now,
      })
      .execute()
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new ApiError('INSTANCE_NAME_CONFLICT', `An instance named "${name}" already exists.`, { instanceName: ['is already used by another instance'] })
    }
    throw err
  }
}

export async function instanceNameTaken(db: Db, name: string): Promise<boolean> {
  const row = await db.selectFrom('instances').select('id').where(sql<boolean>`lower(name) = lower(${name})`).executeTakeFirst()
  return row !== undefined
}

export async function deleteInstance(db: Db, instanceId: string): Promise<void> {
  const res = await db.deleteFrom('instances').where('id', '=', instanceId).executeTakeFirst()
  if (Number(res.numDeletedRows) === 0) throw new ApiError('INSTANCE_NOT_EXIST', `Instance ${instanceId} does not exist.`)
}

function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505'
}
