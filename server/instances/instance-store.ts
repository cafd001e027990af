import { sql } from 'kysely'
import type { Instance } from '@contract/instances'
import type { Page } from '@contract/common'
import type { Db } from '../db/database'
import { ApiError } from '../errors'
import type { StoredConnection } from '../providers/local/connection'

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
    provider: 'local',
    kind: row.kind,
    endpoint: row.endpoint,
    username: row.username,
    hasPassword: row.password !== null && row.password !== '',
    insecureTls: row.insecure_tls,
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

export async function getInstanceConnection(db: Db, instanceId: string): Promise<StoredConnection> {
  const row = await db.selectFrom('instances').selectAll().where('id', '=', instanceId).executeTakeFirst()
  if (!row) throw new ApiError('INSTANCE_NOT_EXIST', `Instance ${instanceId} does not exist.`)
  return { kind: row.kind, endpoint: row.endpoint, username: row.username, password: row.password, insecureTls: row.insecure_tls }
}

export async function insertInstance(db: Db, id: string, name: string, conn: StoredConnection): Promise<void> {
  const now = new Date()
  try {
    await db
      .insertInto('instances')
      .values({
        id,
        name,
        provider: 'local',
        kind: conn.kind,
        endpoint: conn.endpoint,
        username: conn.username,
        password: conn.password,
        insecure_tls: conn.insecureTls,
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
