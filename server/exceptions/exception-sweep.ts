import type { Db } from '../db/database'
import type { Logger } from '../log'
import { appendHistory, type ExceptionRow } from './exception-store'
import { fixedVersion } from './fix-availability'
import { SingleFlightTimer } from '../background/single-flight-timer'

/** The actor of the steps nobody takes: expiry and reopening. */
export const SYSTEM_ACTOR = { id: 'system', name: 'Layerscope' }

export interface SweepOutcome {
  /** Approved deferrals whose end date passed. */
  expired: string[]
  /** Approved deferrals "until fixed" whose fix the advisory store now knows. */
  reopened: string[]
}

/**
 * Ends approved deferrals that are over: a period or date that has passed, or "until a
 * fix is available" once the advisory store has a fixed version for the package and CVE.
 * Each becomes EXPIRED (its findings OBSERVED again) with a history entry saying why.
 * The status change is conditional on the row still being APPROVED, so two sweeps in two
 * processes close each exception once.
 */
export async function sweepExceptions(db: Db, now: Date): Promise<SweepOutcome> {
  const outcome: SweepOutcome = { expired: [], reopened: [] }
  const due = await db
    .selectFrom('vuln_exceptions')
    .selectAll()
    .where('status', '=', 'APPROVED')
    .where('kind', '=', 'DEFERRAL')
    .where('expires_at', '<=', now)
    .orderBy('seq')
    .execute()
  for (const row of due) {
    const when = row.expires_at ? new Date(row.expires_at).toISOString() : now.toISOString()
    if (await close(db, row, now, 'EXPIRED', `The deferral ended on ${when}; the finding is observed again.`)) outcome.expired.push(row.id)
  }

  const untilFixed = await db
    .selectFrom('vuln_exceptions')
    .selectAll()
    .where('status', '=', 'APPROVED')
    .where('kind', '=', 'DEFERRAL')
    .where('expiry', '=', 'UNTIL_FIXED')
    .where('advisory_ecosystem', 'is not', null)
    .orderBy('seq')
    .execute()
  for (const row of untilFixed) {
    if (!row.advisory_ecosystem || !row.advisory_package || !row.advisory_version) continue
    const fixed = await fixedVersion(db, row.cve_name, { ecosystem: row.advisory_ecosystem, name: row.advisory_package, version: row.advisory_version })
    if (!fixed) continue
    const comment = `A fix is available: ${row.cve_name} is fixed in ${row.package_name} ${fixed} (advisory ${row.advisory_ecosystem} ${row.advisory_package}); the finding is observed again.`
    if (await close(db, row, now, 'REOPENED_ON_FIX', comment)) outcome.reopened.push(row.id)
  }
  return outcome
}

async function close(db: Db, row: ExceptionRow, now: Date, action: 'EXPIRED' | 'REOPENED_ON_FIX', comment: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const closed = await trx
      .updateTable('vuln_exceptions')
      .set({ status: 'EXPIRED', closed_at: now })
      .where('id', '=', row.id)
      .where('status', '=', 'APPROVED')
      .returning('id')
      .executeTakeFirst()
    if (!closed) return false
    await appendHistory(trx, row.id, { action, actor: SYSTEM_ACTOR, time: now, comment })
    return true
  })
}

/**
 * Runs the sweep every `tickMs` in the server (0: never; tests call `tick` with their
 * own clock). One sweep at a time; a failing sweep is logged and tried again next tick.
 */
export class ExceptionSweeper {
  private readonly loop: SingleFlightTimer

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    private readonly opts: { tickMs: number; now?: () => Date },
  ) {
    this.loop = new SingleFlightTimer(opts.tickMs, () => this.tick(), (err) => this.log.error('exception sweep failed', { err }))
  }

  start(): void {
    this.loop.start()
  }

  stop(): Promise<void> {
    return this.loop.stop()
  }

  tick(now: Date = this.opts.now?.() ?? new Date()): Promise<SweepOutcome> {
    return this.loop.track(
      sweepExceptions(this.db, now).then((outcome) => {
        if (outcome.expired.length || outcome.reopened.length) this.log.info('vulnerability exceptions closed', { ...outcome })
        return outcome
      }),
    )
  }
}
