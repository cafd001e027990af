import { sql, type Selectable } from 'kysely'
import type { Page } from '@contract/common'
import type { Namespace, RepoTag, RepoTagLastScan, Repository, RepoTagSortBy, RepositorySortBy } from '@contract/repositories'
import type { SeverityCounts } from '@contract/scans'
import type { SortOrder } from '@contract/common'
import type { Db } from '../../db/database'
import type { ScanTaskTable, TagTable } from '../../db/schema'
import { ApiError } from '../../errors'
import { getInstance } from '../../instances/instance-store'

const ms = (d: Date | string | null) => (d === null ? null : new Date(d).getTime())
const offset = (q: { pageNo: number; pageSize: number }) => (q.pageNo - 1) * q.pageSize
const contains = (column: string, text: string) => sql<boolean>`strpos(lower(${sql.ref(column)}), lower(${text})) > 0`

/**
 * Browsing reads the server's index of an instance (see sync.ts). Every list returns
 * its page and totalCount from one transaction, and orders by a unique tie-breaker
 * last, so paging is stable when sort keys repeat.
 */
export async function listNamespaces(db: Db, q: { instanceId: string; namespaceName?: string | undefined; pageNo: number; pageSize: number }): Promise<Page<Namespace>> {
  await getInstance(db, q.instanceId)
  return db.transaction().execute(async (trx) => {
    let base = trx.selectFrom('repositories as r').where('r.instance_id', '=', q.instanceId)
    if (q.namespaceName) base = base.where(contains('r.namespace', q.namespaceName))
    const { n } = await base.select(sql<number>`count(distinct r.namespace)::int`.as('n')).executeTakeFirstOrThrow()
    const rows = await base
      .leftJoin('tags as t', 't.repo_id', 'r.id')
      .select([
        'r.namespace',
        sql<number>`count(distinct r.id)::int`.as('repo_count'),
        sql<number>`count(t.tag)::int`.as('tag_count'),
        sql<Date | null>`max(t.push_time)`.as('last_push'),
      ])
      .groupBy('r.namespace')
      .orderBy('r.namespace')
      .limit(q.pageSize)
      .offset(offset(q))
      .execute()
    return {
      items: rows.map((r) => ({ instanceId: q.instanceId, namespaceName: r.namespace, repoCount: r.repo_count, tagCount: r.tag_count, lastPushTime: ms(r.last_push) })),
      totalCount: n,
      pageNo: q.pageNo,
      pageSize: q.pageSize,
    }
  })
}

const repoSortColumn: Record<RepositorySortBy, string> = { repoName: 'r.full_name', tagCount: 'tag_count', lastPushTime: 'r.last_push_at' }

function selectRepositories(db: Db) {
  return db
    .selectFrom('repositories as r')
    .selectAll('r')
    .select((eb) => eb.selectFrom('tags as t').whereRef('t.repo_id', '=', 'r.id').select(sql<number>`count(*)::int`.as('n')).as('tag_count'))
}

type RepoRow = Awaited<ReturnType<ReturnType<typeof selectRepositories>['executeTakeFirstOrThrow']>>

function toRepository(r: RepoRow): Repository {
  return {
    repoId: r.id,
    instanceId: r.instance_id,
    repoNamespaceName: r.namespace,
    repoName: r.name,
    fullName: r.full_name,
    repoStatus: 'NORMAL',
    tagCount: r.tag_count ?? 0,
    lastPushTime: ms(r.last_push_at),
    createTime: new Date(r.created_at).getTime(),
    modifiedTime: new Date(r.modified_at).getTime(),
  }
}

export async function listRepositories(
  db: Db,
  q: { instanceId: string; repoNamespaceName?: string | undefined; repoName?: string | undefined; sortBy?: RepositorySortBy | undefined; sortOrder?: SortOrder | undefined; pageNo: number; pageSize: number },
): Promise<Page<Repository>> {
  await getInstance(db, q.instanceId)
  return db.transaction().execute(async (trx) => {
    const tdb = trx as unknown as Db
    let count = tdb.selectFrom('repositories as r').where('r.instance_id', '=', q.instanceId)
    let rows = selectRepositories(tdb).where('r.instance_id', '=', q.instanceId)
    if (q.repoNamespaceName !== undefined) {
      count = count.where('r.namespace', '=', q.repoNamespaceName)
      rows = rows.where('r.namespace', '=', q.repoNamespaceName)
    }
    if (q.repoName) {
      count = count.where(contains('r.full_name', q.repoName))
      rows = rows.where(contains('r.full_name', q.repoName))
    }
    const { n } = await count.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()
    const dir = q.sortOrder === 'desc' ? sql`desc nulls last` : sql`asc nulls last`
    const items = await rows
      .orderBy(sql`${sql.ref(repoSortColumn[q.sortBy ?? 'repoName'])} ${dir}`)
      .orderBy('r.id')
      .limit(q.pageSize)
      .offset(offset(q))
      .execute()
    return { items: items.map(toRepository), totalCount: n, pageNo: q.pageNo, pageSize: q.pageSize }
  })
}

export async function getRepository(db: Db, q: { instanceId: string; repoId?: string | undefined; repoNamespaceName?: string | undefined; repoName?: string | undefined }): Promise<Repository> {
  await getInstance(db, q.instanceId)
  let qb = selectRepositories(db).where('r.instance_id', '=', q.instanceId)
  qb = q.repoId ? qb.where('r.id', '=', q.repoId) : qb.where('r.namespace', '=', q.repoNamespaceName ?? '').where('r.name', '=', q.repoName ?? '')
  const row = await qb.executeTakeFirst()
  if (!row) {
    const which = q.repoId ?? `${q.repoNamespaceName}/${q.repoName}`
    throw new ApiError('REPO_NOT_EXIST', `Repository ${which} does not exist in instance ${q.instanceId}.`)
  }
  return toRepository(row)
}

const tagSortColumn: Record<RepoTagSortBy, string> = { tag: 't.tag', pushTime: 't.push_time', imageSize: 't.image_size', imageCreate: 't.image_created_at' }

/** The newest scan task of the tag's current digest, as nullable columns of the tag row. */
interface LastScanColumns {
  last_scan_id: string | null
  last_scan_status: ScanTaskTable['status'] | null
  last_scan_service: ScanTaskTable['scan_service'] | null
  last_scan_finished_at: Date | string | null
  last_scan_summary: unknown
}
type TagRow = Selectable<TagTable> & LastScanColumns

/**
 * Tags with their latest scan: one LEFT JOIN LATERAL per row on the scan_tasks_image
 * index (repo_id, digest, created_at desc), so a page of tags costs one query, not one
 * status request per tag.
 */
function selectTags(db: Db) {
  return db
    .selectFrom('tags as t')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('scan_tasks as s')
          .select(['s.id', 's.status', 's.scan_service', 's.finished_at', 's.summary'])
          .whereRef('s.repo_id', '=', 't.repo_id')
          .whereRef('s.digest', '=', 't.digest')
          .orderBy('s.created_at', 'desc')
          .orderBy('s.seq', 'desc')
          .limit(1)
          .as('ls'),
      (join) => join.onTrue(),
    )
    .selectAll('t')
    .select([
      'ls.id as last_scan_id',
      'ls.status as last_scan_status',
      'ls.scan_service as last_scan_service',
      'ls.finished_at as last_scan_finished_at',
      'ls.summary as last_scan_summary',
    ])
}

function toLastScan(t: LastScanColumns): RepoTagLastScan | undefined {
  if (!t.last_scan_id || !t.last_scan_status || !t.last_scan_service) return undefined
  const summary = t.last_scan_summary as { counts?: SeverityCounts } | null
  return {
    scanTaskId: t.last_scan_id,
    status: t.last_scan_status,
    scanService: t.last_scan_service,
    finishedAt: ms(t.last_scan_finished_at),
    counts: t.last_scan_status === 'COMPLETE' && summary?.counts ? summary.counts : null,
  }
}

function toRepoTag(t: TagRow): RepoTag {
  const lastScan = toLastScan(t)
  return {
    instanceId: t.instance_id,
    repoId: t.repo_id,
    tag: t.tag,
    digest: t.digest,
    mediaType: t.media_type,
    imageSize: Number(t.image_size),
    platforms: t.platforms,
    layerCount: t.layer_count,
    imageCreate: ms(t.image_created_at),
    pushTime: new Date(t.push_time).getTime(),
    status: 'NORMAL',
    ...(lastScan ? { lastScan } : {}),
  }
}

export async function listRepoTags(
  db: Db,
  q: { instanceId: string; repoId: string; tag?: string | undefined; sortBy?: RepoTagSortBy | undefined; sortOrder?: SortOrder | undefined; pageNo: number; pageSize: number },
): Promise<Page<RepoTag>> {
  await getRepository(db, q)
  return db.transaction().execute(async (trx) => {
    let base = trx.selectFrom('tags as t').where('t.repo_id', '=', q.repoId)
    if (q.tag) base = base.where(contains('t.tag', q.tag))
    const { n } = await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()
    // Newest push first unless asked otherwise: that is what people look for.
    const sortBy = q.sortBy ?? 'pushTime'
    const order = q.sortOrder ?? (q.sortBy ? 'asc' : 'desc')
    const dir = order === 'desc' ? sql`desc nulls last` : sql`asc nulls last`
    let rows = selectTags(trx as unknown as Db).where('t.repo_id', '=', q.repoId)
    if (q.tag) rows = rows.where(contains('t.tag', q.tag))
    const items = await rows
      .orderBy(sql`${sql.ref(tagSortColumn[sortBy])} ${dir}`)
      .orderBy('t.seq', order === 'desc' ? 'desc' : 'asc')
      .limit(q.pageSize)
      .offset(offset(q))
      .execute()
    return { items: items.map(toRepoTag), totalCount: n, pageNo: q.pageNo, pageSize: q.pageSize }
  })
}

/** One tag by its exact (case-sensitive) name; the repository must belong to the instance. */
export async function getRepoTag(db: Db, q: { instanceId: string; repoId: string; tag: string }): Promise<RepoTag> {
  await getRepository(db, q)
  const row = await selectTags(db).where('t.repo_id', '=', q.repoId).where('t.tag', '=', q.tag).executeTakeFirst()
  if (!row) throw new ApiError('TAG_NOT_EXIST', `Tag ${q.tag} does not exist in repository ${q.repoId}.`)
  return toRepoTag(row)
}
