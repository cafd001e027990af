import type { listVulnFindingStateQuery } from '@contract/exceptions'
import type { VulnerabilityState } from '@contract/findings'
import { sql } from 'kysely'
import type { z } from 'zod'
import type { Db } from '../db/database'
import type { ScanTaskRow } from '../scans/scan-queue'
import { assertVulnerabilityResults, resolveVulnerabilityTask } from '../scans/scan-store'
import { covers, effectiveState, type ApprovedException, type EffectiveState, type FindingKey } from './effective-state'
import { exceptionsForImage, toApproved } from './exception-store'

export interface FindingWithState extends EffectiveState {
  cveName: string
  componentId: string
  feature: string
  version: string
  pendingExceptionIds: string[]
}

/** A scan row as the states need it: CVE, package and componentId, without the (large) stored item. */
interface FindingRow {
  id: number
  cve_name: string
  feature: string
  version: string
  version_format: string | null
  component_id: string | null
}

/**
 * The scan's rows in row order, cheaply. A row's package is the task's only component of
 * that name and version in the vast majority of rows; then scan_components (plain columns)
 * names its componentId and format, which are otherwise only in the stored item (a jsonb
 * read per row is most of the cost). Rows whose name and version several components share
 * are read from their item, exactly as before.
 */
async function findingRows(db: Db, taskId: string): Promise<Array<FindingRow & { version_format: string; component_id: string }>> {
  const [vulns, components] = await Promise.all([
    db.selectFrom('scan_vulnerabilities').select(['id', 'cve_name', 'package_name', 'package_version']).where('task_id', '=', taskId).orderBy('id').execute(),
    db.selectFrom('scan_components').select(['component_id', 'name', 'version', 'format']).where('task_id', '=', taskId).execute(),
  ])
  // name + version → the one component with them, or null when several share them.
  const only = new Map<string, { component_id: string; format: string } | null>()
  for (const c of components) {
    const k = `${c.name}\u0000${c.version}`
    only.set(k, only.has(k) ? null : c)
  }
  const rows: FindingRow[] = vulns.map((v) => {
    const c = only.get(`${v.package_name}\u0000${v.package_version}`)
    return { id: v.id, cve_name: v.cve_name, feature: v.package_name, version: v.package_version, version_format: c?.format ?? null, component_id: c?.component_id ?? null }
  })
  const unresolved = rows.filter((r) => r.component_id === null).map((r) => r.id)
  const fromItems = new Map<number, FindingRow>()
  for (let i = 0; i < unresolved.length; i += 1_000) {
    const ids = unresolved.slice(i, i + 1_000)
    const read = await sql<FindingRow>`
      select id, cve_name, item->>'feature' as feature, item->>'version' as version,
             item->>'versionFormat' as version_format, item->>'componentId' as component_id
      from scan_vulnerabilities where task_id = ${taskId} and id in (${sql.join(ids)})`.execute(db)
    for (const r of read.rows) fromItems.set(Number(r.id), r)
  }
  return rows.map((r) => {
    const full = fromItems.get(r.id) ?? r
    return { ...full, version_format: full.version_format ?? '', component_id: full.component_id ?? '' }
  })
}

/** What {@link covers} compares besides the scope: CVE (in any case) and package. Exceptions and findings meet on it. */
const coverKey = (cveName: string, packageName: string, packageVersion: string, packageFormat: string) =>
  `${cveName.toUpperCase()}\u0000${packageName}\u0000${packageVersion}\u0000${packageFormat}`

/** Exceptions by {@link coverKey}, each list in the order given (seq), which effectiveState's tie-break relies on. */
function byCoverKey(exceptions: readonly ApprovedException[]): Map<string, ApprovedException[]> {
  const map = new Map<string, ApprovedException[]>()
  for (const e of exceptions) {
    const k = coverKey(e.cveName, e.packageName, e.packageVersion, e.packageFormat)
    const list = map.get(k)
    if (list) list.push(e)
    else map.set(k, [e])
  }
  return map
}

/**
 * Every finding of a COMPLETE vulnerability scan with its state, in the scan's row order.
 * This is the join the report needs: the summary and the lists leave out `suppressed`
 * findings unless asked to include snoozed ones.
 *
 * It runs on every list page and summary, so it stays cheap: the open exceptions are those
 * of this image's scopes (one indexed query), the rows are read without their items
 * (findingRows), and each finding looks only at the exceptions of its own CVE and package;
 * {@link covers} and {@link effectiveState} still decide, as before.
 *
 * @example
 * const { findings } = await scanFindingStates(db, scanTaskId, new Date())
 * findings.filter((f) => !f.suppressed).length // what the summary counts without includeSnoozed
 */
export async function scanFindingStates(db: Db, scanTaskId: string, now: Date): Promise<{ scanTaskId: string; digest: string; findings: FindingWithState[] }> {
  const task = await resolveVulnerabilityTask(db, { scanTaskId }, 'complete')
  return statesOf(db, await openExceptionsOfScan(db, task), now)
}

interface ScanExceptions {
  task: ScanTaskRow
  image: { instanceId: string; repoId: string; digest: string }
  open: Awaited<ReturnType<typeof exceptionsForImage>>
}

/**
 * The open (approved or pending) exceptions of a scan's image scopes. The caller has
 * resolved the task already (a request reads it once); it must be a COMPLETE
 * vulnerability scan, checked here on the row without a query.
 */
async function openExceptionsOfScan(db: Db, task: ScanTaskRow): Promise<ScanExceptions> {
  assertVulnerabilityResults(task)
  const image = { instanceId: task.instance_id, repoId: task.repo_id, digest: task.digest }
  return { task, image, open: await exceptionsForImage(db, image, ['APPROVED', 'PENDING']) }
}

async function statesOf(db: Db, { task, image, open }: ScanExceptions, now: Date): Promise<{ scanTaskId: string; digest: string; findings: FindingWithState[] }> {
  const approved = byCoverKey(open.filter((e) => e.status === 'APPROVED').map(toApproved))
  const pending = byCoverKey(open.filter((e) => e.status === 'PENDING').map(toApproved))
  const rows = await findingRows(db, task.id)
  const nowMs = now.getTime()
  const findings = rows.map((row): FindingWithState => {
    const key: FindingKey = { ...image, cveName: row.cve_name, packageName: row.feature, packageVersion: row.version, packageFormat: row.version_format }
    const k = coverKey(key.cveName, key.packageName, key.packageVersion, key.packageFormat)
    return {
      cveName: row.cve_name,
      componentId: row.component_id,
      feature: row.feature,
      version: row.version,
      ...effectiveState(key, approved.get(k) ?? [], nowMs),
      pendingExceptionIds: (pending.get(k) ?? []).filter((p) => covers(p, key)).map((p) => p.exceptionId),
    }
  })
  return { scanTaskId: task.id, digest: task.digest, findings }
}

/** The operation's page of it, optionally only some states. */
export async function listFindingStates(db: Db, q: z.output<typeof listVulnFindingStateQuery>, now: Date) {
  const { scanTaskId, digest, findings } = await scanFindingStates(db, q.scanTaskId, now)
  const wanted: readonly VulnerabilityState[] | undefined = q.state
  const matching = wanted ? findings.filter((f) => wanted.includes(f.state)) : findings
  const start = (q.pageNo - 1) * q.pageSize
  return { items: matching.slice(start, start + q.pageSize), totalCount: matching.length, pageNo: q.pageNo, pageSize: q.pageSize, scanTaskId, digest }
}

/** The key findingStatesByKey answers by: a scan row's CVE and its package's componentId. */
export const findingKey = (cveName: string, componentId: string) => `${cveName}\u0000${componentId}`

/**
 * Every finding's state by {@link findingKey}, for the result lists and the summary to
 * join: leave out `suppressed` findings unless includeSnoozed, and answer each row's
 * state, suppressed, suppressActivation and suppressExpiry. Only findings of an image with
 * an open exception are in it; a key it lacks is an OBSERVED, unsuppressed finding.
 *
 * @example
 * const task = await resolveTask(db, { scanTaskId }, 'complete')
 * const states = await findingStatesByKey(db, task, new Date()) // PARAM_INVALID for an SBOM task
 * states.get(findingKey(cve, componentId))?.state ?? 'OBSERVED' // a missing key is an observed finding
 * const hidden = [...states].filter(([, s]) => s.suppressed).map(([key]) => key)
 */
export async function findingStatesByKey(db: Db, task: ScanTaskRow, now: Date): Promise<Map<string, FindingWithState>> {
  const scan = await openExceptionsOfScan(db, task)
  // Most images have no open exception: every finding is then OBSERVED, which is what the
  // readers assume for a key the map lacks, so the scan's rows need not be read at all.
  if (scan.open.length === 0) return new Map()
  const { findings } = await statesOf(db, scan, now)
  return new Map(findings.map((f) => [findingKey(f.cveName, f.componentId), f]))
}
