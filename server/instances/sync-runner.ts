import type { Db } from '../db/database'
import type { Logger } from '../log'
import type { InstanceProvider, StoredInstanceConnection } from '../providers/provider'
import { providerOf, providersFor } from '../providers/provider-registry'
import { getStoredConnection } from './instance-store'

/**
 * Runs index syncs in the background, one at a time per instance: asking for a sync
 * while one runs returns the running one. Status and errors are written to the
 * instance row, so every server process and the UI see them.
 */
export class SyncRunner {
  private running = new Map<string, Promise<void>>()
  private abort = new AbortController()

  constructor(
    private db: Db,
    private log: Logger,
  ) {}

  start(instanceId: string): Promise<void> {
    const current = this.running.get(instanceId)
    if (current) return current
    const run = this.run(instanceId).finally(() => this.running.delete(instanceId))
    this.running.set(instanceId, run)
    return run
  }

  isRunning(instanceId: string): boolean {
    return this.running.has(instanceId)
  }

  /** Resolves when no sync is running (tests and graceful shutdown). */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running.values()])
  }

  async stop(): Promise<void> {
    this.abort.abort()
    await this.idle()
  }

  private async run(instanceId: string): Promise<void> {
    const started = Date.now()
    try {
      await this.db.updateTable('instances').set({ sync_status: 'SYNCING', modified_at: new Date() }).where('id', '=', instanceId).execute()
      const conn = await getStoredConnection(this.db, instanceId)
      const provider: InstanceProvider<StoredInstanceConnection['kind']> = providerOf(providersFor(this.db), conn.kind)
      const result = await provider.syncIndex(conn, { db: this.db, instanceId, log: this.log, signal: this.abort.signal })
      const warning = result.skipped.length
        ? `${result.skipped.length} tag(s) could not be read: ` +
          result.skipped
            .slice(0, 5)
            .map((s) => `${s.repository}:${s.tag} (${s.reason})`)
            .join('; ')
        : null
      await this.db
        .updateTable('instances')
        .set({ sync_status: 'READY', sync_error: warning, last_sync_at: new Date(), modified_at: new Date() })
        .where('id', '=', instanceId)
        .execute()
      this.log.info('instance synced', { instanceId, ms: Date.now() - started, repositories: result.repositories, tags: result.tags, skipped: result.skipped.length })
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err)
      this.log.warn('instance sync failed', { instanceId, error: message })
      await this.db
        .updateTable('instances')
        .set({ sync_status: 'FAILED', sync_error: message, last_sync_at: new Date(), modified_at: new Date() })
        .where('id', '=', instanceId)
        .execute()
        .catch(() => undefined) // the instance may have been deleted meanwhile
    }
  }
}
