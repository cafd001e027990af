import { randomBytes } from 'node:crypto'
import os from 'node:os'
import type { Db } from '../db/database'
import { advisoryDbInfo, findAdvisories, findAdvisoriesByAlias } from '../engine/advisories/advisory-store'
import type { InventoryProgress } from '../engine/inventory/inventory-image'
import type { LayerCache } from '../engine/layers/layer-cache'
import { ClamdClient, createClamdAnalyzer, parseClamdAddress } from '../engine/malware/clamd-client'
import { emptySignatureDb, loadSignatureDir } from '../engine/malware/signature-db'
import { scanImage, type AdvisorySource, type SecurityChecks } from '../engine/scan-image'
import { getInstanceConnection, getStoredConnection } from '../instances/instance-store'
import type { Logger } from '../log'
import { openConnection } from '../providers/local/connection'
import type { InstanceProvider, StoredInstanceConnection } from '../providers/provider'
import { providerOf, providersFor } from '../providers/provider-registry'
import { UpstreamError } from '../providers/upstream-error'
import { sbomReport } from '../rules/sbom-report'
import { classifyScanError, retryDelayMs } from './scan-errors'
import { claimTask, completeTask, endAttempt, heartbeat, type ScanTaskRow } from './scan-queue'
import { decideThrottleRetry, DEFAULT_THROTTLE_RETRY, type ThrottleRetryOptions } from './throttle-retry'

/** The throttle fields: how a scan the upstream throttled waits (scans/throttle-retry.ts); defaults when left out. */
export interface ScanWorkerOptions extends Partial<ThrottleRetryOptions> {
  /** Tasks scanned at once by this process. */
  concurrency: number
  /** How long a claim holds without a heartbeat; a killed worker's task is taken over after it. */
  leaseMs: number
  /** How often an idle worker looks for work (a task created in this process wakes it at once). */
  pollMs: number
  retryBaseMs: number
  retryMaxMs: number
  /** Names this process in worker ids: `<name>#<slot>`. Default host:pid:random. */
  name?: string
  /** Signature lists for SAS_SCAN_SERVICE scans, and clamd when a socket is configured. */
  malware?: { signaturesDir: string; clamdSocket?: string | undefined }
}

export const DEFAULT_SCAN_WORKER_OPTIONS: ScanWorkerOptions = { concurrency: 2, leaseMs: 30_000, pollMs: 1_000, retryBaseMs: 5_000, retryMaxMs: 300_000 }

class LeaseLost extends Error {
  override name = 'LeaseLost'
}

/**
 * The scan workers of one process: `concurrency` loops that claim a task, scan it with
 * the engine (per-process layer cache, the SQL advisory store), renew the lease while
 * they do, and end it as COMPLETE (results written in one transaction), RETRYING
 * (transient error, exponential backoff), FAILED, or — on shutdown — QUEUED again.
 */
export class ScanWorkers {
  readonly name: string
  private stopping = false
  private abandoned = false
  private loops: Promise<void>[] = []
  private running = new Map<string, AbortController>()
  private wakers = new Set<() => void>()
  private readonly advisories: AdvisorySource
  /** Loaded on the first SAS scan, once per process: the lists do not change while it runs. */
  private security: Promise<SecurityChecks> | undefined

  constructor(
    private db: Db,
    private log: Logger,
    private cache: LayerCache | undefined,
    private opts: ScanWorkerOptions,
  ) {
    this.name = opts.name ?? `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`
    this.advisories = {
      find: (ecosystem, names) => findAdvisories(db, ecosystem, names),
      findByAlias: (ids) => findAdvisoriesByAlias(db, ids),
      info: () => advisoryDbInfo(db),
    }
  }

  start(): void {
    if (this.loops.length || this.opts.concurrency < 1) return
    for (let slot = 0; slot < this.opts.concurrency; slot++) this.loops.push(this.loop(`${this.name}#${slot}`))
    this.log.info('scan workers started', { worker: this.name, concurrency: this.opts.concurrency })
  }

  /** Makes idle workers look for work now (a task was just queued in this process). */
  wake(): void {
    for (const w of [...this.wakers]) w()
  }

  /** Task ids being scanned by this process right now. */
  activeTasks(): string[] {
    return [...this.running.keys()]
  }

  /**
   * Stops every loop. Running scans are aborted and their tasks given back (QUEUED), so
   * another worker starts them at once. `abandon` skips that, as a crash would: the
   * tasks stay SCANNING until their lease expires (for tests of that path).
   */
  async stop(opts: { abandon?: boolean } = {}): Promise<void> {
    this.stopping = true
    this.abandoned = opts.abandon ?? false
    for (const c of this.running.values()) c.abort(new Error('worker stopping'))
    this.wake()
    await Promise.allSettled(this.loops)
    this.loops = []
  }

  private async loop(workerId: string): Promise<void> {
    while (!this.stopping) {
      let task: ScanTaskRow | undefined
      try {
        const claimed = await claimTask(this.db, workerId, this.opts.leaseMs)
        task = claimed?.task
        if (claimed?.takenOverFrom) this.log.warn('scan task taken over from a worker whose lease expired', { scanTaskId: claimed.task.id, from: claimed.takenOverFrom, workerId })
      } catch (err) {
        if (this.stopping) return
        this.log.error('claiming a scan task failed', { workerId, err })
      }
      if (!task) {
        await this.idle()
        continue
      }
      if (this.stopping) {
        // Claimed just as the process began to stop: hand it straight back.
        if (!this.abandoned) await endAttempt(this.db, task, workerId, { status: 'QUEUED' }).catch(() => undefined)
        return
      }
      await this.run(task, workerId)
    }
  }

  private idle(): Promise<void> {
    if (this.stopping) return Promise.resolve()
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer)
        this.wakers.delete(done)
        resolve()
      }
      const timer = setTimeout(done, this.opts.pollMs)
      this.wakers.add(done)
    })
  }

  private async run(task: ScanTaskRow, workerId: string): Promise<void> {
    const log = this.log.child({ scanTaskId: task.id, workerId, attempt: task.attempts })
    const controller = new AbortController()
    this.running.set(task.id, controller)
    const started = Date.now()
    const progress = new ProgressWriter((p) => heartbeat(this.db, task.id, workerId, this.opts.leaseMs, p))
    const beat = setInterval(() => {
      progress
        .beat()
        .then((ours) => {
          if (!ours && !controller.signal.aborted) controller.abort(new LeaseLost(`task ${task.id} is no longer held by ${workerId}`))
        })
        .catch((err: unknown) => log.warn('scan heartbeat failed', { err }))
    }, Math.max(50, Math.floor(this.opts.leaseMs / 3)))
    try {
      log.info('scan started', { repository: task.repository, digest: task.digest, scanService: task.scan_service })
      const report = await this.scan(task, controller.signal, (e) => progress.event(e))
      clearInterval(beat)
      await progress.settle()
      if (await completeTask(this.db, task, workerId, report)) {
        log.info('scan complete', { ms: Date.now() - started, findings: report.findings.length })
      } else {
        log.warn('scan finished but the task was taken over meanwhile; its results were discarded')
      }
    } catch (err) {
      clearInterval(beat)
      await progress.settle()
      await this.settleFailure(task, workerId, err, controller.signal, log)
    } finally {
      clearInterval(beat)
      this.running.delete(task.id)
    }
  }

  private async scan(task: ScanTaskRow, signal: AbortSignal, onProgress: (e: InventoryProgress) => void) {
    // ACR and StackRox instances scan upstream; their results land in the same tables.
    const conn = await getStoredConnection(this.db, task.instance_id)
    const provider: InstanceProvider<StoredInstanceConnection['kind']> = providerOf(providersFor(this.db), conn.kind)
    if (provider.scan.where === 'upstream') {
      const target = { id: task.id, instanceId: task.instance_id, repository: task.repository, tag: task.tag, digest: task.digest, scanService: task.scan_service, scanType: task.scan_type, platform: task.platform }
      return provider.scan.run(conn, target, signal)
    }
    const source = await openConnection(await getInstanceConnection(this.db, task.instance_id))
    try {
      if (task.scan_type === 'SBOM') {
        const platform = task.platform || undefined
        return await sbomReport({ source, repository: task.repository, reference: task.digest, platform, cache: this.cache, signal, onProgress })
      }
      return await scanImage({
        source,
        repository: task.repository,
        reference: task.digest,
        ...(task.platform ? { platform: task.platform } : {}),
        advisories: this.advisories,
        ...(this.cache ? { cache: this.cache } : {}),
        ...(task.scan_service === 'SAS_SCAN_SERVICE' ? { security: await this.securityChecks() } : {}),
        signal,
        onProgress,
      })
    } finally {
      await source.close().catch(() => undefined)
    }
  }

  /**
   * An upstream (ACR, Central) throttled the attempt: the task waits as RETRYING, its
   * failureReason saying until when, without using up an attempt, until the time budget
   * counted from its first throttled attempt is spent; then it fails saying so.
   */
  private async settleThrottled(task: ScanTaskRow, workerId: string, message: string, retryAfterMs: number | null, log: Logger) {
    const earlier = await this.db
      .selectFrom('scan_task_attempts')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('started_at').as('first')])
      .where('task_id', '=', task.id)
      .where('error_code', '=', 'UPSTREAM_THROTTLED')
      .executeTakeFirstOrThrow()
    const thisStart = new Date(task.started_at ?? Date.now()).getTime()
    const since = earlier.first ? Math.min(new Date(earlier.first).getTime(), thisStart) : thisStart
    const decision = decideThrottleRetry(
      { throttledAttempts: Number(earlier.n) + 1, since, now: Date.now(), retryAfterMs, message },
      { ...DEFAULT_THROTTLE_RETRY, ...definedThrottleOptions(this.opts) },
    )
    if (decision.retry) {
      await endAttempt(this.db, task, workerId, { status: 'RETRYING', delayMs: decision.delayMs, code: 'UPSTREAM_THROTTLED', message: decision.message, refund: true })
      log.warn('scan throttled upstream; waiting', { delayMs: decision.delayMs, retryAfterMs })
    } else {
      await endAttempt(this.db, task, workerId, { status: 'FAILED', code: 'UPSTREAM_THROTTLED', message: decision.message })
      log.warn('scan failed: throttled upstream for too long', { error: decision.message })
    }
  }

  private securityChecks(): Promise<SecurityChecks> {
    this.security ??= (async () => {
      const malware = this.opts.malware
      const signatures = malware ? await loadSignatureDir(malware.signaturesDir) : emptySignatureDb()
      const extraAnalyzers = []
      if (malware?.clamdSocket) {
        const client = new ClamdClient(parseClamdAddress(malware.clamdSocket))
        extraAnalyzers.push(createClamdAnalyzer(client, { clamdVersion: await client.version() }))
      }
      return { baseline: true, malware: signatures, extraAnalyzers }
    })()
    // A failed load (unreadable directory, clamd down) is retried by the next scan, not cached.
    this.security.catch(() => (this.security = undefined))
    return this.security
  }

  private async settleFailure(task: ScanTaskRow, workerId: string, err: unknown, signal: AbortSignal, log: Logger) {
    try {
      if (signal.aborted && signal.reason instanceof LeaseLost) {
        log.warn('scan abandoned: its lease was lost to another worker')
        return
      }
      if (this.stopping && signal.aborted) {
        if (this.abandoned) return
        if (await endAttempt(this.db, task, workerId, { status: 'QUEUED' })) log.info('scan given back to the queue (worker stopping)')
        return
      }
      const e = classifyScanError(err)
      if (e.code === 'UPSTREAM_THROTTLED') {
        await this.settleThrottled(task, workerId, e.message, err instanceof UpstreamError ? err.retryAfterMs : null, log)
      } else if (e.retryable && task.attempts < task.max_attempts) {
        const delayMs = retryDelayMs(task.attempts, { baseMs: this.opts.retryBaseMs, maxMs: this.opts.retryMaxMs })
        await endAttempt(this.db, task, workerId, { status: 'RETRYING', delayMs, code: e.code, message: e.message })
        log.warn('scan failed; will retry', { code: e.code, error: e.message, delayMs })
      } else {
        await endAttempt(this.db, task, workerId, { status: 'FAILED', code: e.code, message: e.message })
        log.warn('scan failed', { code: e.code, error: e.message, retryable: e.retryable })
      }
    } catch (writeErr) {
      // The database is gone too: the lease expires and another worker takes the task.
      log.error('recording a scan failure failed', { err: writeErr, cause: err })
    }
  }
}

/**
 * Turns the engine's per-layer events into layersDone/layersTotal and writes them with
 * the heartbeat: at most one write in flight, and the latest values always win.
 */
class ProgressWriter {
  private total = 0
  private done = new Set<number>()
  private inFlight: Promise<boolean> = Promise.resolve(true)
  private dirty = false

  constructor(private write: (p: { done: number; total: number }) => Promise<boolean>) {}

  event(e: InventoryProgress): void {
    if (e.type === 'layers') this.total = e.layers.length
    else if (e.type === 'layer-cached' || e.type === 'layer-done') this.done.add(e.layerIndex)
    else return
    if (this.dirty) return
    this.dirty = true
    void this.flush().catch(() => undefined)
  }

  beat(): Promise<boolean> {
    this.dirty = true
    return this.flush()
  }

  private flush(): Promise<boolean> {
    this.inFlight = this.inFlight
      .catch(() => true)
      .then(() => {
        if (!this.dirty) return true
        this.dirty = false
        return this.write({ done: this.done.size, total: this.total })
      })
    return this.inFlight
  }

  async settle(): Promise<void> {
    this.dirty = false
    await this.inFlight.catch(() => undefined)
  }
}

/** The throttle settings given, so an undefined one does not hide its default. */
function definedThrottleOptions(o: Partial<ThrottleRetryOptions>): Partial<ThrottleRetryOptions> {
  return Object.fromEntries(Object.entries({ throttleBaseMs: o.throttleBaseMs, throttleMaxMs: o.throttleMaxMs, throttleBudgetMs: o.throttleBudgetMs }).filter(([, v]) => v !== undefined))
}
