import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import type { ScanService, ScanTaskTrigger, ScanTaskType } from '@contract/scans'
import type { Db } from '../db/database'
import { ApiError } from '../errors'
import { providerOfInstance } from '../providers/instance-provider'
import { getRepoTag, getRepository } from '../providers/local/browse'

export interface CreateScanTaskInput {
  instanceId: string
  repoId: string
  tag: string
  digest?: string | undefined
  scanService: ScanService
  platform?: string | undefined
  /** VUL (default) matches advisories; SBOM inventories packages only. */
  scanType?: ScanTaskType | undefined
  /** Who or what asked; default a USER without a known name. Kept on a new task only. */
  trigger?: ScanTaskTrigger | undefined
}

const USER_TRIGGER: ScanTaskTrigger = { kind: 'USER', scanRuleId: null, actor: null, detail: null }

/**
 * Queues scans. Every check happens before the one INSERT, so a refused request writes
 * nothing; the partial unique index on unfinished tasks makes "a running task of the
 * same image is returned instead" hold even when two requests race.
 */
export class ScanTaskService {
  constructor(
    private db: Db,
    private opts: { maxAttempts: number; onQueued?: () => void },
  ) {}

  async create(input: CreateScanTaskInput): Promise<{ scanTaskId: string; existing: boolean }> {
    // A scan the instance's upstream cannot run is refused before anything is queued.
    const provider = await providerOfInstance(this.db, input.instanceId)
    provider.assertScanSupported({ scanService: input.scanService, scanType: input.scanType ?? 'VUL' })
    const repo = await getRepository(this.db, { instanceId: input.instanceId, repoId: input.repoId })
    const tag = await getRepoTag(this.db, { instanceId: input.instanceId, repoId: input.repoId, tag: input.tag })
    if (input.digest && input.digest !== tag.digest) {
      throw new ApiError('PARAM_INVALID', `Tag ${input.tag} points to ${tag.digest} in the index, not ${input.digest}; sync the instance if the tag moved.`, {
        digest: [`is not the digest tag ${input.tag} points to (${tag.digest})`],
      })
    }
    const key = { repo_id: repo.repoId, digest: tag.digest, scan_service: input.scanService, scan_type: input.scanType ?? 'VUL', platform: input.platform ?? '' }
    const trigger = input.trigger ?? USER_TRIGGER
    const existing = await this.findRunning(key)
    if (existing) return { scanTaskId: existing, existing: true }
    const now = new Date()
    const id = randomUUID()
    const inserted = await this.db
      .insertInto('scan_tasks')
      .values({
        id,
        instance_id: input.instanceId,
        ...key,
        repository: repo.fullName,
        tag: input.tag,
        status: 'QUEUED',
        attempts: 0,
        max_attempts: this.opts.maxAttempts,
        run_at: now,
        lease_until: null,
        worker_id: null,
        layers_done: 0,
        layers_total: 0,
        error_code: null,
        error_message: null,
        summary: null,
        created_at: now,
        started_at: null,
        finished_at: null,
        updated_at: now,
        trigger_kind: trigger.kind,
        trigger_rule_id: trigger.scanRuleId,
        trigger_actor: trigger.actor,
        trigger_detail: trigger.detail,
      })
      // The predicate is written as literals: PostgreSQL picks the partial unique index as
      // the arbiter only when it can prove the WHERE implies the index's own predicate.
      .onConflict((oc) => oc.columns(['repo_id', 'digest', 'scan_service', 'scan_type', 'platform']).where(sql<boolean>`status in ('QUEUED', 'SCANNING', 'RETRYING')`).doNothing())
      .returning('id')
      .executeTakeFirst()
    if (!inserted) {
      // Another request queued the same image a moment ago.
      const raced = await this.findRunning(key)
      if (raced) return { scanTaskId: raced, existing: true }
      throw new ApiError('INTERNAL_ERROR', 'The scan task could not be queued; try again.')
    }
    this.opts.onQueued?.()
    return { scanTaskId: id, existing: false }
  }

  private async findRunning(key: { repo_id: string; digest: string; scan_service: ScanService; scan_type: ScanTaskType; platform: string }): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('scan_tasks')
      .select('id')
      .where('repo_id', '=', key.repo_id)
      .where('digest', '=', key.digest)
      .where('scan_service', '=', key.scan_service)
      .where('scan_type', '=', key.scan_type)
      .where('platform', '=', key.platform)
      .where('status', 'in', ['QUEUED', 'SCANNING', 'RETRYING'])
      .executeTakeFirst()
    return row?.id
  }
}
