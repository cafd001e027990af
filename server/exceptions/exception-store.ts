import { randomBytes } from 'node:crypto'
import type { Selectable } from 'kysely'
import type { HistoryAction, VulnException, VulnExceptionEvent, VulnExceptionScope } from '@contract/exceptions'
import type { Db } from '../db/database'
import type { VulnExceptionTable } from '../db/schema'
import { ApiError } from '../errors'
import type { ApprovedException } from './effective-state'

export type ExceptionRow = Selectable<VulnExceptionTable>

const ms = (d: Date | string) => new Date(d).getTime()
const msOrNull = (d: Date | string | null) => (d === null ? null : ms(d))

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789'

/**
 * Whether the requester decided the request themselves. The service allows that only for
 * an approval by the loopback operator while sign-in is off (docs/decisions/0007), so the
 * stored requester and decider ids are the record of it: with sign-in on they always differ.
 */
export const isSelfApproval = (row: Pick<ExceptionRow, 'requested_by_id' | 'decided_by_id'>) => row.decided_by_id !== null && row.decided_by_id === row.requested_by_id

/** `vex-` and 16 lowercase letters or digits, the shape of every id the API hands out. */
export function newExceptionId(): string {
  const bytes = randomBytes(16)
  let out = ''
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length]
  return `vex-${out}`
}

export function toVulnException(row: ExceptionRow): VulnException {
  return {
    exceptionId: row.id,
    instanceId: row.instance_id,
    kind: row.kind,
    status: row.status,
    scope: row.scope,
    repoId: row.repo_id,
    repository: row.repository,
    digest: row.digest,
    cveName: row.cve_name,
    feature: row.package_name,
    version: row.package_version,
    versionFormat: row.package_format,
    componentId: row.component_id,
    scanTaskId: row.scan_task_id,
    expiry: row.expiry,
    expiresAt: msOrNull(row.expires_at),
    reason: row.reason,
    justification: row.justification as VulnException['justification'],
    requestedBy: { id: row.requested_by_id, name: row.requested_by_name },
    requestTime: ms(row.requested_at),
    decidedBy: row.decided_by_id === null ? null : { id: row.decided_by_id, name: row.decided_by_name ?? row.decided_by_id },
    decisionTime: msOrNull(row.decided_at),
    decisionComment: row.decision_comment,
    selfApproval: isSelfApproval(row),
    closeTime: msOrNull(row.closed_at),
  }
}

export function toApproved(row: ExceptionRow): ApprovedException {
  return {
    exceptionId: row.id,
    kind: row.kind,
    scope: row.scope,
    instanceId: row.instance_id,
    repoId: row.repo_id,
    digest: row.digest,
    cveName: row.cve_name,
    packageName: row.package_name,
    packageVersion: row.package_version,
    packageFormat: row.package_format,
    approvedAt: ms(row.decided_at ?? row.requested_at),
    expiresAt: msOrNull(row.expires_at),
  }
}

export async function getExceptionRow(db: Pick<Db, 'selectFrom'>, exceptionId: string, opts: { forUpdate?: boolean } = {}): Promise<ExceptionRow> {
  let q = db.selectFrom('vuln_exceptions').selectAll().where('id', '=', exceptionId)
  if (opts.forUpdate) q = q.forUpdate()
  const row = await q.executeTakeFirst()
  if (!row) throw new ApiError('VULN_EXCEPTION_NOT_EXIST', `Vulnerability exception ${exceptionId} does not exist.`)
  return row
}

/** An exception's steps, oldest first; its APPROVED step says whether it was a self-approval ({@link isSelfApproval}). */
export async function getHistory(db: Pick<Db, 'selectFrom'>, exception: Pick<ExceptionRow, 'id' | 'requested_by_id'>): Promise<VulnExceptionEvent[]> {
  const rows = await db.selectFrom('vuln_exception_events').selectAll().where('exception_id', '=', exception.id).orderBy('id', 'asc').execute()
  return rows.map((r) => ({
    action: r.action,
    actorId: r.actor_id,
    actorName: r.actor_name,
    time: ms(r.time),
    comment: r.comment,
    ...(r.action === 'APPROVED' ? { selfApproval: r.actor_id === exception.requested_by_id } : {}),
  }))
}

export interface HistoryEntry {
  action: HistoryAction
  actor: { id: string; name: string }
  time: Date
  comment: string | null
}

/** Appends one step to an exception's history; rows are never changed afterwards (the table refuses updates). */
export async function appendHistory(db: Pick<Db, 'insertInto'>, exceptionId: string, entry: HistoryEntry): Promise<void> {
  await db
    .insertInto('vuln_exception_events')
    .values({ exception_id: exceptionId, action: entry.action, actor_id: entry.actor.id, actor_name: entry.actor.name, time: entry.time, comment: entry.comment })
    .execute()
}

/** The image a scan looked at, as exception scopes see it. */
export interface ImageScope {
  instanceId: string
  repoId: string
  digest: string
}

/**
 * Approved and pending exceptions that could cover findings of this image: its own
 * digest's, its repository's and the instance's component-wide ones. Which finding each
 * covers is decided in code (effective-state.ts).
 */
export async function exceptionsForImage(db: Pick<Db, 'selectFrom'>, image: ImageScope, statuses: ReadonlyArray<ExceptionRow['status']>): Promise<ExceptionRow[]> {
  return db
    .selectFrom('vuln_exceptions')
    .selectAll()
    .where('instance_id', '=', image.instanceId)
    .where('status', 'in', [...statuses])
    .where((eb) =>
      eb.or([
        eb('scope', '=', 'COMPONENT' satisfies VulnExceptionScope),
        eb.and([eb('scope', '=', 'REPOSITORY' satisfies VulnExceptionScope), eb('repo_id', '=', image.repoId)]),
        eb.and([eb('scope', '=', 'DIGEST' satisfies VulnExceptionScope), eb('repo_id', '=', image.repoId), eb('digest', '=', image.digest)]),
      ]),
    )
    .orderBy('seq', 'asc')
    .execute()
}

