import { roleAtLeast, type Role } from '@contract/auth'
import {
  DEFERRAL_DAYS,
  type VulnException,
  type VulnExceptionWithHistory,
  type createVulnExceptionBody,
  type decideVulnExceptionBody,
  type withdrawVulnExceptionBody,
} from '@contract/exceptions'
import type { z } from 'zod'
import type { Db } from '../db/database'
import { ApiError } from '../errors'
import type { Principal } from '../http/request-context'
import { appendHistory, getExceptionRow, getHistory, newExceptionId, toVulnException, type ExceptionRow } from './exception-store'
import { fixedVersion } from './fix-availability'
import { resolveFindings, type ResolvedFinding } from './requested-findings'

type CreateInput = z.output<typeof createVulnExceptionBody>
type DecideInput = z.output<typeof decideVulnExceptionBody>
type WithdrawInput = z.output<typeof withdrawVulnExceptionBody>

const DAY_MS = 24 * 60 * 60 * 1000

/** Postgres (and PGlite) unique_violation. */
const isUniqueViolation = (err: unknown) => typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505'
/** A dated deferral may run at most a year: longer is not a deferral but a decision to live with it. */
export const MAX_DEFERRAL_DAYS = 365

export interface ExceptionServiceOptions {
  /** The clock; tests pass their own. */
  now?: () => Date
}

function requireRole(p: Principal, needed: Role, what: string): void {
  if (!roleAtLeast(p.role, needed)) throw new ApiError('ACCESS_DENIED', `${what} needs the ${needed} role; ${p.name} has ${p.role}.`)
}

const invalid = (field: string, message: string) => new ApiError('PARAM_INVALID', `${field} ${message}.`, { [field]: [message] })

/**
 * Requests, decisions and withdrawals of vulnerability exceptions. Every check runs before
 * the one transaction that writes, so a refused request writes nothing; each status change
 * and its history entry are written together, on the row locked for the change.
 */
export class VulnExceptionService {
  private readonly now: () => Date

  constructor(
    private readonly db: Db,
    opts: ExceptionServiceOptions = {},
  ) {
    this.now = opts.now ?? (() => new Date())
  }

  /** One exception per finding, all PENDING, all or none. Needs the operator role. */
  async create(input: CreateInput, by: Principal): Promise<VulnException[]> {
    requireRole(by, 'operator', 'Requesting an exception')
    const now = this.now()
    if (input.expiry === 'DATE' && input.expiresAt !== undefined) {
      if (input.expiresAt <= now.getTime()) throw invalid('expiresAt', 'must be in the future')
      if (input.expiresAt > now.getTime() + MAX_DEFERRAL_DAYS * DAY_MS) throw invalid('expiresAt', `must be at most ${MAX_DEFERRAL_DAYS} days ahead`)
    }
    const { task, findings } = await resolveFindings(this.db, input.scanTaskId, input.findings)
    if (input.expiry === 'UNTIL_FIXED') await this.checkNoFixYet(findings)

    const rows: ExceptionRow[] = findings.map((f) => ({
      id: newExceptionId(),
      instance_id: task.instance_id,
      kind: input.kind,
      status: 'PENDING',
      scope: input.scope,
      repo_id: input.scope === 'COMPONENT' ? null : task.repo_id,
      repository: input.scope === 'COMPONENT' ? null : task.repository,
      digest: input.scope === 'DIGEST' ? task.digest : null,
      cve_name: f.cveName,
      package_name: f.packageName,
      package_version: f.packageVersion,
      package_format: f.packageFormat,
      component_id: f.componentId,
      scan_task_id: task.id,
      advisory_ecosystem: f.advisoryPackage?.ecosystem ?? null,
      advisory_package: f.advisoryPackage?.name ?? null,
      advisory_version: f.advisoryPackage?.version ?? null,
      expiry: input.expiry ?? null,
      // A dated deferral keeps its date from the start; periods are counted from the approval.
      expires_at: input.expiry === 'DATE' && input.expiresAt !== undefined ? new Date(input.expiresAt) : null,
      reason: input.reason,
      justification: input.justification,
      requested_by_id: by.id,
      requested_by_name: by.name,
      requested_at: now,
      decided_by_id: null,
      decided_by_name: null,
      decided_at: null,
      decision_comment: null,
      closed_at: null,
      seq: 0,
    }))

    try {
      return await this.db.transaction().execute(async (trx) => {
        await assertNoOpenDuplicates(trx, rows, now)
        const written: VulnException[] = []
        for (const { seq: _seq, ...row } of rows) {
          const inserted = await trx.insertInto('vuln_exceptions').values(row).returningAll().executeTakeFirstOrThrow()
          await appendHistory(trx, row.id, { action: 'REQUESTED', actor: { id: by.id, name: by.name }, time: now, comment: input.reason })
          written.push(toVulnException(inserted))
        }
        return written
      })
    } catch (err) {
      // The unique index on open exceptions: a concurrent request, or an approved deferral past its end that the sweep has not closed yet.
      if (isUniqueViolation(err)) throw new ApiError('VULN_EXCEPTION_DUPLICATE', 'One of these findings already has an open exception in this scope; reload and try again.')
      throw err
    }
  }

  /**
   * Approves a PENDING request. Needs the approver role, and someone other than the
   * requester, except while sign-in is off: then the one local operator approves their own
   * requests, and the exception says so (`selfApproval`, docs/decisions/0007).
   */
  async approve(input: DecideInput, by: Principal): Promise<VulnException> {
    requireRole(by, 'approver', 'Approving an exception')
    return this.decide(input, by, 'APPROVED')
  }

  /** Denies a PENDING request, with the same rules as approving. */
  async deny(input: DecideInput, by: Principal): Promise<VulnException> {
    requireRole(by, 'approver', 'Denying an exception')
    return this.decide(input, by, 'DENIED')
  }

  /** The requester takes back a request nobody has decided yet. */
  async withdraw(input: WithdrawInput, by: Principal): Promise<VulnException> {
    const now = this.now()
    return this.db.transaction().execute(async (trx) => {
      const row = await getExceptionRow(trx, input.exceptionId, { forUpdate: true })
      if (row.requested_by_id !== by.id) throw new ApiError('ACCESS_DENIED', `Only ${row.requested_by_name}, who requested exception ${row.id}, may withdraw it.`)
      if (row.status !== 'PENDING') throw stateConflict(row, 'withdrawn')
      const updated = await trx
        .updateTable('vuln_exceptions')
        .set({ status: 'WITHDRAWN', closed_at: now })
        .where('id', '=', row.id)
        .returningAll()
        .executeTakeFirstOrThrow()
      await appendHistory(trx, row.id, { action: 'WITHDRAWN', actor: { id: by.id, name: by.name }, time: now, comment: input.comment || null })
      return toVulnException(updated)
    })
  }

  async get(exceptionId: string): Promise<VulnExceptionWithHistory> {
    const row = await getExceptionRow(this.db, exceptionId)
    return { ...toVulnException(row), history: await getHistory(this.db, row) }
  }

  private async decide(input: DecideInput, by: Principal, to: 'APPROVED' | 'DENIED'): Promise<VulnException> {
    const now = this.now()
    return this.db.transaction().execute(async (trx) => {
      const row = await getExceptionRow(trx, input.exceptionId, { forUpdate: true })
      if (row.status !== 'PENDING') throw stateConflict(row, to === 'APPROVED' ? 'approved' : 'denied')
      // Sign-in off has one person (the loopback principal), who could otherwise never get a request approved.
      const selfApprovalAllowed = to === 'APPROVED' && by.via === 'loopback'
      if (row.requested_by_id === by.id && !selfApprovalAllowed) {
        throw new ApiError(
          'VULN_EXCEPTION_SELF_APPROVAL',
          to === 'APPROVED'
            ? `${by.name} requested exception ${row.id} and cannot approve it: another approver must decide.`
            : `${by.name} requested exception ${row.id}: withdraw it instead of denying it.`,
        )
      }
      let expiresAt = row.expires_at === null ? null : new Date(row.expires_at)
      if (to === 'APPROVED' && row.kind === 'DEFERRAL') {
        const days = row.expiry ? DEFERRAL_DAYS[row.expiry] : undefined
        if (days !== undefined) expiresAt = new Date(now.getTime() + days * DAY_MS)
        if (row.expiry === 'DATE' && expiresAt && expiresAt <= now) {
          throw new ApiError('VULN_EXCEPTION_STATE_CONFLICT', `Exception ${row.id} asked for a deferral until ${expiresAt.toISOString()}, which has passed: deny it, or have a new one requested.`)
        }
      }
      const updated = await trx
        .updateTable('vuln_exceptions')
        .set({ status: to, decided_by_id: by.id, decided_by_name: by.name, decided_at: now, decision_comment: input.comment, expires_at: expiresAt })
        .where('id', '=', row.id)
        .returningAll()
        .executeTakeFirstOrThrow()
      await appendHistory(trx, row.id, { action: to, actor: { id: by.id, name: by.name }, time: now, comment: input.comment })
      return toVulnException(updated)
    })
  }

  /** "Until a fix is available" only makes sense while none is: otherwise the answer is to upgrade. */
  private async checkNoFixYet(findings: readonly ResolvedFinding[]): Promise<void> {
    for (const [i, f] of findings.entries()) {
      const field = `findings.${i}`
      if (!f.advisoryPackage) throw invalid(field, `${f.cveName} in ${f.packageName} ${f.packageVersion} cannot be followed in the advisory store (no OSV ecosystem): choose a period or a date`)
      const fixed = f.versionFixed || (await fixedVersion(this.db, f.cveName, f.advisoryPackage))
      if (fixed) throw invalid(field, `${f.cveName} is already fixed in ${f.packageName} ${fixed}: upgrade, or choose a period or a date`)
    }
  }
}

function stateConflict(row: ExceptionRow, verb: string): ApiError {
  return new ApiError('VULN_EXCEPTION_STATE_CONFLICT', `Exception ${row.id} is ${row.status}; only a PENDING request can be ${verb}.`)
}

/**
 * Refuses a request when a PENDING or still-running APPROVED exception already covers the
 * same finding in the same scope: one open decision per finding and scope.
 */
async function assertNoOpenDuplicates(db: Db, rows: readonly ExceptionRow[], now: Date): Promise<void> {
  for (const [i, r] of rows.entries()) {
    const open = await db
      .selectFrom('vuln_exceptions')
      .select(['id', 'status'])
      .where('instance_id', '=', r.instance_id)
      .where('scope', '=', r.scope)
      .where('cve_name', '=', r.cve_name)
      .where('package_name', '=', r.package_name)
      .where('package_version', '=', r.package_version)
      .where('package_format', '=', r.package_format)
      .where((eb) => (r.repo_id === null ? eb('repo_id', 'is', null) : eb('repo_id', '=', r.repo_id)))
      .where((eb) => (r.digest === null ? eb('digest', 'is', null) : eb('digest', '=', r.digest)))
      .where((eb) => eb.or([eb('status', '=', 'PENDING'), eb.and([eb('status', '=', 'APPROVED'), eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)])])]))
      .executeTakeFirst()
    if (open) {
      const message = `${r.cve_name} in ${r.package_name} ${r.package_version} already has ${open.status} exception ${open.id} in this scope`
      throw new ApiError('VULN_EXCEPTION_DUPLICATE', `${message}.`, { [`findings.${i}`]: [message] })
    }
  }
}
