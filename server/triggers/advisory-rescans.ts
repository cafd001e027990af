import type { Db } from '../db/database'
import type { Logger } from '../log'
import { addCounts, indexedTags, queueRuleScans, rulesFor, type QueueCounts } from '../rules/rule-scans'
import type { ScanTaskService } from '../scans/scan-service'
import { SingleFlightTimer } from '../background/single-flight-timer'

export interface RescanOutcome extends QueueCounts {
  /** The import (advisory_db_meta.imported_at) the rescans answer. */
  importedAt: Date
}

/**
 * Rescans on advisory updates. Imports run in another process (`npm run vulndb:import`)
 * or at demo seeding, and stamp the store (advisory_db_meta.imported_at); every `tickMs`
 * this compares the stamp with those already handled, and for a new one queues a rescan
 * (trigger ADVISORY_UPDATE) of every indexed tag covered by a rule with
 * rescanOnAdvisoryUpdate. Claiming the stamp is an INSERT on its primary key, so each
 * store change is rescanned once, however many server processes watch.
 */
export class AdvisoryRescans {
  private readonly loop: SingleFlightTimer

  constructor(
    private db: Db,
    private scans: ScanTaskService,
    private log: Logger,
    opts: { tickMs: number },
  ) {
    this.loop = new SingleFlightTimer(opts.tickMs, () => this.tick(), (err) => this.log.error('advisory rescan check failed', { err }))
  }

  start(): void {
    this.loop.start()
  }

  stop(): Promise<void> {
    return this.loop.stop()
  }

  /** Handles the store's latest import if no one has; undefined when there was nothing new. */
  tick(): Promise<RescanOutcome | undefined> {
    return this.loop.track(this.check())
  }

  private async check(): Promise<RescanOutcome | undefined> {
    const meta = await this.db.selectFrom('advisory_db_meta').select('imported_at').where('id', '=', 1).executeTakeFirst()
    if (!meta) return undefined
    const importedAt = new Date(meta.imported_at)
    const claimed = await this.db
      .insertInto('advisory_rescans')
      .values({ imported_at: importedAt, started_at: new Date(), finished_at: null })
      .onConflict((oc) => oc.column('imported_at').doNothing())
      .returning('imported_at')
      .executeTakeFirst()
    if (!claimed) return undefined
    const instances = await this.db.selectFrom('scan_rules').select('instance_id').distinct().where('rescan_on_advisory_update', '=', true).execute()
    let counts: QueueCounts = { queued: 0, existing: 0 }
    const detail = `advisories imported at ${importedAt.toISOString()}`
    for (const { instance_id } of instances) {
      const tags = await indexedTags(this.db, instance_id)
      for (const rule of await rulesFor(this.db, instance_id, 'advisory-rescan')) {
        counts = addCounts(counts, await queueRuleScans(this.scans, rule, tags, { kind: 'ADVISORY_UPDATE', actor: null, detail }))
      }
    }
    await this.db
      .updateTable('advisory_rescans')
      .set({ finished_at: new Date(), queued: counts.queued, existing: counts.existing })
      .where('imported_at', '=', importedAt)
      .execute()
    this.log.info('advisory update: rescans queued', { importedAt: importedAt.toISOString(), ...counts })
    return { importedAt, ...counts }
  }
}
