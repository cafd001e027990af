import { fileURLToPath } from 'node:url'
import type { Db } from '../db/database'
import { DEMO_INSTANCE_ID } from '../demo/demo-instance'
import { advisoryDbInfo } from '../engine/advisories/advisory-store'
import { importOsv } from '../engine/advisories/import-osv'
import type { SyncRunner } from '../instances/sync-runner'
import type { Logger } from '../log'
import type { ScanTaskService } from './scan-service'

/** The OSV records bundled with the source (fixtures/osv): enough to make the demo images' reports real. */
export const BUNDLED_ADVISORIES_DIR = fileURLToPath(new URL('../../fixtures/osv', import.meta.url))

/**
 * A newcomer's first look: imports the bundled advisories into an empty store, waits
 * for the demo instance's index, then queues a SAS_SCAN_SERVICE scan of every demo tag
 * (tags sharing a digest share the task). The workers finish them within seconds.
 */
export async function seedDemoScans(deps: { db: Db; sync: SyncRunner; scans: ScanTaskService; log: Logger }): Promise<void> {
  const { db, log } = deps
  if ((await advisoryDbInfo(db)).recordCount === 0) {
    const summary = await importOsv(db, [BUNDLED_ADVISORIES_DIR])
    log.info('bundled advisories imported', { records: summary.read, rejected: summary.rejected })
  }
  await deps.sync.idle()
  const tags = await db.selectFrom('tags').select(['repo_id', 'tag']).where('instance_id', '=', DEMO_INSTANCE_ID).orderBy('repo_id').orderBy('tag').execute()
  let queued = 0
  for (const t of tags) {
    const res = await deps.scans.create({
      instanceId: DEMO_INSTANCE_ID,
      repoId: t.repo_id,
      tag: t.tag,
      scanService: 'SAS_SCAN_SERVICE',
      trigger: { kind: 'DEMO', scanRuleId: null, actor: null, detail: 'first start with the demo instance' },
    })
    if (!res.existing) queued++
  }
  log.info('demo scans queued', { tags: tags.length, tasks: queued })
}
