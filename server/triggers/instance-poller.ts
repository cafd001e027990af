import { sql } from 'kysely'
import type { Db } from '../db/database'
import type { SyncRunner } from '../instances/sync-runner'
import type { Logger } from '../log'
import { ruleMatches } from '../rules/rule-matcher'
import { addCounts, queueRuleScans, rulesFor, type IndexedTagRef, type QueueCounts } from '../rules/rule-scans'
import type { ScanTaskService } from '../scans/scan-service'
import { SingleFlightTimer } from '../background/single-flight-timer'

/** A poll holds its instance this long at most; a process killed mid-poll frees it after that. */
const POLL_LEASE_MS = 15 * 60 * 1000

export type PollOutcome =
  /** changedTags: tags pushed (new or moved) since the previous poll began; counts: what the AUTO rules made of them. */
  | { instanceId: string; status: 'polled'; changedTags: number; counts: QueueCounts }
  | { instanceId: string; status: 'failed'; error: string }

/**
 * Polling: every `tickMs` the poller claims the instances whose poll is due, re-syncs
 * each (SyncRunner: one sync per instance at a time), and queues scans (trigger POLL) of
 * the tags pushed since the last good poll — new tags and tags whose digest moved, as
 * the index's pushTime says — that an AUTO rule matches. A tag whose image already got a
 * task of that type since that push (its push notification did it) is not queued again.
 *
 * The claim is one UPDATE that moves the next poll time and takes a lease, so neither two
 * ticks nor two server processes poll one instance at once. A failed sync is recorded
 * (poll.lastError) and retried at the next interval; the tags it missed are found then.
 */
export class InstancePoller {
  // A tick still running (a slow sync) is not doubled: the next one picks up what is due.
  private readonly loop: SingleFlightTimer
  private stopping = false

  constructor(
    private db: Db,
    private sync: SyncRunner,
    private scans: ScanTaskService,
    private log: Logger,
    opts: { tickMs: number },
  ) {
    this.loop = new SingleFlightTimer(opts.tickMs, () => this.tick(), (err) => this.log.error('instance poll tick failed', { err }))
  }

  start(): void {
    this.loop.start()
  }

  /** Stops the timer and waits for a running tick; syncs are aborted by SyncRunner.stop(). */
  async stop(): Promise<void> {
    this.stopping = true
    await this.loop.stop()
  }

  /** Polls every instance due at `now` (tests pass a later `now` to make one due). */
  tick(now: Date = new Date()): Promise<PollOutcome[]> {
    return this.loop.track(this.pollDue(now))
  }

  private async pollDue(now: Date): Promise<PollOutcome[]> {
    const { rows } = await sql<{ instance_id: string; poll_checked_at: Date | string | null }>`
      update instance_triggers t
      set poll_lease_until = ${new Date(now.getTime() + POLL_LEASE_MS)},
          poll_next_at = ${now}::timestamptz + t.poll_interval_seconds * interval '1 second'
      where t.instance_id in (
        select instance_id from instance_triggers
        where poll_interval_seconds is not null and poll_next_at <= ${now}
          and (poll_lease_until is null or poll_lease_until < ${now})
        order by poll_next_at
        for update skip locked)
      returning t.instance_id, t.poll_checked_at`.execute(this.db)
    const outcomes: PollOutcome[] = []
    for (const row of rows) {
      if (this.stopping) {
        await this.release(row.instance_id, {})
        continue
      }
      outcomes.push(await this.poll(row.instance_id, row.poll_checked_at === null ? null : new Date(row.poll_checked_at)))
    }
    return outcomes
  }

  private async poll(instanceId: string, since: Date | null): Promise<PollOutcome> {
    const started = new Date()
    try {
      await this.sync.start(instanceId)
      const inst = await this.db.selectFrom('instances').select(['sync_status', 'sync_error']).where('id', '=', instanceId).executeTakeFirst()
      if (!inst) return { instanceId, status: 'failed', error: 'the instance was deleted' }
      if (inst.sync_status === 'FAILED') throw new Error(inst.sync_error ?? 'the sync failed')
      const changed = await this.changedSince(instanceId, since ?? started)
      let counts: QueueCounts = { queued: 0, existing: 0 }
      for (const rule of await rulesFor(this.db, instanceId, 'auto')) {
        const { fresh, scanned } = await this.splitScanned(changed, rule.scanType)
        const detail = `poll found ${String(changed.length)} new or moved tag(s)`
        counts = addCounts(counts, await queueRuleScans(this.scans, rule, fresh, { kind: 'POLL', actor: null, detail }))
        counts.existing += scanned.filter((t) => ruleMatches(rule, { namespace: t.namespace, repoName: t.repoName, tag: t.tag })).length
      }
      // The next poll looks at pushes from the start of this one: a tag indexed while it ran is seen twice, never missed.
      await this.release(instanceId, { poll_checked_at: started, poll_last_at: started, poll_error: null })
      if (changed.length) this.log.info('instance polled', { instanceId, changedTags: changed.length, ...counts })
      return { instanceId, status: 'polled', changedTags: changed.length, counts }
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err)
      this.log.warn('instance poll failed; retried at the next interval', { instanceId, error })
      await this.release(instanceId, { poll_last_at: started, poll_error: error }).catch(() => undefined)
      return { instanceId, status: 'failed', error }
    }
  }

  private async release(instanceId: string, set: { poll_checked_at?: Date; poll_last_at?: Date; poll_error?: string | null }) {
    await this.db
      .updateTable('instance_triggers')
      .set({ ...set, poll_lease_until: null })
      .where('instance_id', '=', instanceId)
      .execute()
  }

  /** Tags whose pushTime (set when a sync or a push notification saw a new tag or digest) is after `since`. */
  private async changedSince(instanceId: string, since: Date): Promise<(IndexedTagRef & { digest: string; pushTime: Date })[]> {
    const rows = await this.db
      .selectFrom('tags as t')
      .innerJoin('repositories as r', 'r.id', 't.repo_id')
      .select(['t.repo_id as repoId', 't.tag', 't.digest', 't.push_time', 'r.namespace', 'r.name as repoName'])
      .where('t.instance_id', '=', instanceId)
      .where('t.push_time', '>', since)
      .orderBy('r.full_name')
      .orderBy('t.tag')
      .execute()
    return rows.map(({ push_time, ...ref }) => ({ ...ref, pushTime: new Date(push_time) }))
  }

  /** Splits off the tags whose image already has a task of this type created since the tag was pushed. */
  private async splitScanned<T extends IndexedTagRef & { digest: string; pushTime: Date }>(tags: T[], scanType: 'VUL' | 'SBOM') {
    const fresh: T[] = []
    const scanned: T[] = []
    for (const t of tags) {
      const task = await this.db
        .selectFrom('scan_tasks')
        .select('id')
        .where('repo_id', '=', t.repoId)
        .where('digest', '=', t.digest)
        .where('scan_type', '=', scanType)
        .where('created_at', '>=', t.pushTime)
        .executeTakeFirst()
      ;(task ? scanned : fresh).push(t)
    }
    return { fresh, scanned }
  }
}
