import type { ImageReport } from '@contract/findings'
import type { VexJustification, VulnExceptionKind, DeferralExpiry } from '@contract/exceptions'
import type { VulnerabilityItem } from '@contract/scans'
import type { Db } from '../db/database'
import { ociPurl } from '../engine/sbom/oci-purl'
import { ApiError } from '../errors'
import type { ScanTaskRow } from '../scans/scan-queue'
import { exceptionsForImage, isSelfApproval, type ExceptionRow } from './exception-store'
import { scanFindingStates, type FindingWithState } from './finding-states'

/** The decision behind a finding's statement, when there is one. */
export interface VexDecision {
  exceptionId: string
  kind: VulnExceptionKind
  justification: VexJustification
  reason: string
  expiry: DeferralExpiry | null
  expiresAt: number | null
  requestedBy: string
  requestTime: number
  decidedBy: string | null
  decisionTime: number | null
  /** Approved by its own requester, while sign-in was off (docs/decisions/0007). */
  selfApproval: boolean
}

/**
 * Who approved a decision, in words, saying when it was a self-approval so a VEX reader
 * does not take it for a second person's review.
 *
 * @example
 * approvedBy({ decidedBy: 'local operator', selfApproval: true }) // 'local operator (self-approved while sign-in was off)'
 */
export function approvedBy(d: Pick<VexDecision, 'decidedBy' | 'selfApproval'>): string {
  const who = d.decidedBy ?? 'an approver'
  return d.selfApproval ? `${who} (self-approved while sign-in was off)` : who
}

export interface VexFinding {
  cveName: string
  description: string
  aliases: string[]
  componentId: string
  packageName: string
  packageVersion: string
  packagePurl: string
  versionFixed: string
  fixCmd: string
  /** The approved exception that sets its state; none: observed. */
  approved: VexDecision | null
  /** The first pending request covering it, when it is observed. */
  pending: VexDecision | null
}

/** Everything a VEX document of one scan says, gathered once for both formats. */
export interface VexInput {
  scanTaskId: string
  repository: string
  tag: string
  digest: string
  imagePurl: string
  /** When the scan ran (epoch ms). */
  scannedAt: number
  findings: VexFinding[]
}

function toDecision(row: ExceptionRow): VexDecision {
  return {
    exceptionId: row.id,
    kind: row.kind,
    justification: row.justification as VexJustification,
    reason: row.reason,
    expiry: row.expiry,
    expiresAt: row.expires_at === null ? null : new Date(row.expires_at).getTime(),
    requestedBy: row.requested_by_name,
    requestTime: new Date(row.requested_at).getTime(),
    decidedBy: row.decided_by_name,
    decisionTime: row.decided_at === null ? null : new Date(row.decided_at).getTime(),
    selfApproval: isSelfApproval(row),
  }
}

/** A COMPLETE vulnerability scan's findings with their states and the exceptions behind them. */
export async function loadVexInput(db: Db, scanTaskId: string, now: Date): Promise<{ task: ScanTaskRow; input: VexInput }> {
  const states = await scanFindingStates(db, scanTaskId, now)
  const task = await db.selectFrom('scan_tasks').selectAll().where('id', '=', states.scanTaskId).executeTakeFirstOrThrow()
  const stored = await db.selectFrom('scan_reports').select('report').where('task_id', '=', task.id).executeTakeFirst()
  if (!stored) throw new ApiError('INTERNAL_ERROR', `Scan task ${task.id} is COMPLETE but its report is missing.`)
  const report = stored.report as ImageReport
  const purls = new Map(report.components.map((c) => [c.componentId, c.purl]))
  const rows = await db.selectFrom('scan_vulnerabilities').select(['cve_name', 'item']).where('task_id', '=', task.id).orderBy('id').execute()
  const exceptions = new Map(
    (await exceptionsForImage(db, { instanceId: task.instance_id, repoId: task.repo_id, digest: task.digest }, ['APPROVED', 'PENDING'])).map((r) => [r.id, toDecision(r)]),
  )
  const findings = rows.map((row, i): VexFinding => {
    const item = row.item as VulnerabilityItem
    const state = states.findings[i] as FindingWithState
    const pendingId = state.exceptionId === null ? state.pendingExceptionIds[0] : undefined
    return {
      cveName: row.cve_name,
      description: item.summary || item.description,
      aliases: item.aliases,
      componentId: item.componentId,
      packageName: item.feature,
      packageVersion: item.version,
      packagePurl: purls.get(item.componentId) ?? '',
      versionFixed: item.versionFixed,
      fixCmd: item.fixCmd,
      approved: state.exceptionId ? (exceptions.get(state.exceptionId) ?? null) : null,
      pending: pendingId ? (exceptions.get(pendingId) ?? null) : null,
    }
  })
  return {
    task,
    input: { scanTaskId: task.id, repository: task.repository, tag: task.tag, digest: task.digest, imagePurl: ociPurl(report.image), scannedAt: report.scannedAt, findings },
  }
}

/** What an approved deferral or an unfixed finding asks people to do, in words. */
export function actionStatement(f: VexFinding): string {
  const d = f.approved
  if (d?.kind === 'DEFERRAL') {
    const until = d.expiry === 'UNTIL_FIXED' ? 'until a fixed version is available' : d.expiresAt !== null ? `until ${new Date(d.expiresAt).toISOString()}` : 'for now'
    return `Remediation deferred ${until} (exception ${d.exceptionId}, approved by ${approvedBy(d)}): ${d.reason}`
  }
  if (f.versionFixed) return f.fixCmd ? `Upgrade ${f.packageName} to ${f.versionFixed}: ${f.fixCmd}` : `Upgrade ${f.packageName} to ${f.versionFixed}.`
  return `No fixed version of ${f.packageName} is known yet; watch for one, or mitigate.`
}
