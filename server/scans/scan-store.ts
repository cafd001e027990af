import { sql } from 'kysely'
import type { Page } from '@contract/common'
import type { ScanService, ScanStatus, ScanTarget, ScanTask } from '@contract/scans'
import type { Db } from '../db/database'
import { ApiError } from '../errors'
import { getInstance } from '../instances/instance-store'
import { getRepoTag, getRepository } from '../providers/local/browse'
import type { ScanTaskRow } from './scan-queue'
import type { ScanSummaryCounts } from './scan-rows'

const ms = (d: Date | string | null) => (d === null ? null : new Date(d).getTime())

export function toScanTask(row: ScanTaskRow): ScanTask {
  const summary = row.summary as ScanSummaryCounts | null
  return {
    scanTaskId: row.id,
    instanceId: row.instance_id,
    repoId: row.repo_id,
    repository: row.repository,
    tag: row.tag,
    digest: row.digest,
    platform: row.platform || null,
    scanService: row.scan_service,
    status: row.status,
    progress: { layersDone: row.layers_done, layersTotal: row.layers_total },
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    failureCode: row.error_code,
    failureReason: row.error_message,
    workerId: row.worker_id,
    createTime: new Date(row.created_at).getTime(),
    startTime: ms(row.started_at),
    finishTime: ms(row.finished_at),
    nextRetryTime: row.status === 'RETRYING' ? ms(row.run_at) : null,
    // An SBOM task matched nothing: zero counts would read as "no vulnerabilities".
    counts: row.status === 'COMPLETE' && summary && row.scan_type === 'VUL' ? summary.counts : null,
    trigger: { kind: row.trigger_kind, scanRuleId: row.trigger_rule_id, actor: row.trigger_actor, detail: row.trigger_detail },
    scanType: row.scan_type,
  }
}

export async function getTaskRow(db: Db, scanTaskId: string, instanceId?: string): Promise<ScanTaskRow> {
  let q = db.selectFrom('scan_tasks').selectAll().where('id', '=', scanTaskId)
  if (instanceId) q = q.where('instance_id', '=', instanceId)
  const row = await q.executeTakeFirst()
  if (!row) throw new ApiError('SCAN_TASK_NOT_EXIST', `Scan task ${scanTaskId} does not exist${instanceId ? ` in instance ${instanceId}` : ''}.`)
  return row
}

/** The image a by-tag request means: the repository must exist, and the tag too unless a digest is given. */
async function imageOf(db: Db, q: { instanceId: string; repoId: string; tag: string; digest?: string | undefined }): Promise<{ repoId: string; digest: string; label: string }> {
  if (q.digest) {
    await getRepository(db, { instanceId: q.instanceId, repoId: q.repoId })
    return { repoId: q.repoId, digest: q.digest, label: `${q.tag}@${q.digest}` }
  }
  const tag = await getRepoTag(db, { instanceId: q.instanceId, repoId: q.repoId, tag: q.tag })
  return { repoId: q.repoId, digest: tag.digest, label: `${q.tag} (${tag.digest})` }
}

/**
 * The task a request means. By scanTaskId: that task. By tag: the newest task of the
 * image the tag points to (`latest`), or the newest COMPLETE one (`complete`), which
 * answers results even while a rescan runs.
 */
export async function resolveTask(db: Db, q: ScanTarget, want: 'latest' | 'complete', service?: ScanService): Promise<ScanTaskRow> {
  return resolve(db, q, want, service, false)
}

/**
 * {@link resolveTask} for the reads that answer vulnerability results (the list, the
 * summary): an SBOM task asked for by id is PARAM_INVALID, decided on the row it reads
 * (before the task's status), so the task is looked up once. By tag it is never an SBOM
 * task: those reads pick among the VUL scans.
 *
 * @example
 * const task = await resolveVulnerabilityTask(db, { scanTaskId }, 'complete') // PARAM_INVALID for an SBOM task
 */
export async function resolveVulnerabilityTask(db: Db, q: ScanTarget, want: 'latest' | 'complete', service?: ScanService): Promise<ScanTaskRow> {
  return resolve(db, q, want, service, true)
}

async function resolve(db: Db, q: ScanTarget, want: 'latest' | 'complete', service: ScanService | undefined, vulnerabilitiesOnly: boolean): Promise<ScanTaskRow> {
  if (q.scanTaskId) {
    if (q.instanceId) await getInstance(db, q.instanceId)
    const row = await getTaskRow(db, q.scanTaskId, q.instanceId)
    if (vulnerabilitiesOnly) assertNotSbomRow(row)
    if (want === 'complete') assertComplete(row)
    return row
  }
  if (!q.instanceId || !q.repoId || !q.tag) throw new ApiError('PARAM_INVALID', 'Give scanTaskId, or instanceId, repoId and tag.', { scanTaskId: ['give scanTaskId, or instanceId, repoId and tag'] })
  const image = await imageOf(db, { instanceId: q.instanceId, repoId: q.repoId, tag: q.tag, digest: q.digest })
  const newest = db
    .selectFrom('scan_tasks')
    .selectAll()
    .where('instance_id', '=', q.instanceId)
    .where('repo_id', '=', image.repoId)
    .where('digest', '=', image.digest)
    // A tag's scan status and results are its vulnerability scans'; SBOM tasks are read by id.
    .where('scan_type', '=', 'VUL')
    .orderBy('created_at', 'desc')
    .orderBy('seq', 'desc')
    .limit(1)
  if (want === 'latest') {
    const row = await newest.executeTakeFirst()
    if (!row) throw new ApiError('SCAN_NOT_FOUND', `Tag ${image.label} has not been scanned yet.`)
    return row
  }
  // Prefer the requested service (SAS for baseline and malicious files), else any complete scan.
  const complete = newest.where('status', '=', 'COMPLETE')
  const row = (service ? await complete.where('scan_service', '=', service).executeTakeFirst() : undefined) ?? (await complete.executeTakeFirst())
  if (row) return row
  const latest = await newest.executeTakeFirst()
  if (!latest) throw new ApiError('SCAN_NOT_FOUND', `Tag ${image.label} has not been scanned yet.`)
  assertComplete(latest)
  return latest
}

/**
 * The vulnerability, summary, baseline and malicious-file operations have nothing to say
 * about an SBOM task (it inventories packages, it matches none): asked by its id, they
 * answer PARAM_INVALID rather than an empty list that would read as "nothing found".
 */
export async function assertNotSbomTask(db: Db, q: { scanTaskId?: string | undefined }): Promise<void> {
  if (!q.scanTaskId) return
  const row = await db.selectFrom('scan_tasks').select(['id', 'scan_type']).where('id', '=', q.scanTaskId).executeTakeFirst()
  if (row) assertNotSbomRow(row)
}

/** {@link assertNotSbomTask} on a task already read: no query. */
export function assertNotSbomRow(row: Pick<ScanTaskRow, 'id' | 'scan_type'>): void {
  if (row.scan_type !== 'SBOM') return
  const message = 'is an SBOM scan: it lists packages (getImageReport, or the CycloneDX export) and has no vulnerability results'
  throw new ApiError('PARAM_INVALID', `Scan task ${row.id} ${message}.`, { scanTaskId: [message] })
}

/** A task whose vulnerability results can be read: COMPLETE, and not an SBOM task. No query. */
export function assertVulnerabilityResults(row: ScanTaskRow): void {
  assertNotSbomRow(row)
  assertComplete(row)
}

function assertComplete(row: ScanTaskRow): void {
  if (row.status === 'COMPLETE') return
  if (row.status === 'FAILED') throw new ApiError('SCAN_FAILED', `Scan task ${row.id} failed and has no results: ${row.error_message ?? row.error_code ?? 'unknown error'}`)
  throw new ApiError('SCAN_NOT_COMPLETE', `Scan task ${row.id} is ${row.status}; results are available once it is COMPLETE.`)
}

export async function listTasks(
  db: Db,
  q: {
    instanceId: string
    repoId?: string | undefined
    tag?: string | undefined
    status?: ScanStatus[] | undefined
    scanService?: ScanService | undefined
    scanRuleId?: string | undefined
    pageNo: number
    pageSize: number
  },
): Promise<Page<ScanTask>> {
  await getInstance(db, q.instanceId)
  return db.transaction().execute(async (trx) => {
    let base = trx.selectFrom('scan_tasks').where('instance_id', '=', q.instanceId)
    if (q.repoId) base = base.where('repo_id', '=', q.repoId)
    if (q.tag) base = base.where('tag', '=', q.tag)
    if (q.status?.length) base = base.where('status', 'in', q.status)
    if (q.scanService) base = base.where('scan_service', '=', q.scanService)
    if (q.scanRuleId) base = base.where('trigger_rule_id', '=', q.scanRuleId)
    const { n } = await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()
    const rows = await base
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('seq', 'desc')
      .limit(q.pageSize)
      .offset((q.pageNo - 1) * q.pageSize)
      .execute()
    return { items: rows.map(toScanTask), totalCount: n, pageNo: q.pageNo, pageSize: q.pageSize }
  })
}
