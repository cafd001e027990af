/**
 * How long findingStatesByKey takes, the join every result list page and summary does:
 * a 5,000-finding scan and a few hundred exceptions (most about other images), on PGlite.
 *
 *   node --import tsx scripts/bench-finding-states.ts
 *
 * Boots the demo (its scans give a real task and report), copies the shop-app scan as a
 * new image with 5,000 findings, writes the exceptions straight in the database, and
 * prints the median of 15 calls after 3 warm-ups, next to the previous implementation
 * (every stored item read, every exception tried on every finding; kept below as
 * `previous`), run alternately so both see the same machine load. Both must agree.
 */
import { performance } from 'node:perf_hooks'
import type { VulnExceptionScope } from '@contract/exceptions'
import type { VulnerabilityItem } from '@contract/scans'
import { DEMO_INSTANCE_ID } from '../server/demo/demo-instance'
import type { Db } from '../server/db/database'
import { covers, effectiveState, type FindingKey } from '../server/exceptions/effective-state'
import { findingKey, findingStatesByKey } from '../server/exceptions/finding-states'
import { exceptionsForImage, newExceptionId, toApproved } from '../server/exceptions/exception-store'
import { resolveTask } from '../server/scans/scan-store'
import { cloneScanAsImage } from '../server/exceptions/testing/exception-fixtures'
import { repoIdOf, waitForInstanceScans } from '../server/scans/testing/scan-helpers'
import { startTestApp } from '../server/testing/test-app'

const FINDINGS = 5_000
const RUNS = 15

/** findingStatesByKey before it was made cheap, for comparison. */
async function previous(db: Db, scanTaskId: string, now: Date) {
  const task = await resolveTask(db, { scanTaskId }, 'complete')
  const image = { instanceId: task.instance_id, repoId: task.repo_id, digest: task.digest }
  const open = await exceptionsForImage(db, image, ['APPROVED', 'PENDING'])
  const approved = open.filter((e) => e.status === 'APPROVED').map(toApproved)
  const pending = open.filter((e) => e.status === 'PENDING').map(toApproved)
  const rows = await db.selectFrom('scan_vulnerabilities').select(['cve_name', 'item']).where('task_id', '=', task.id).orderBy('id').execute()
  return new Map(
    rows.map((row) => {
      const item = row.item as VulnerabilityItem
      const key: FindingKey = { ...image, cveName: row.cve_name, packageName: item.feature, packageVersion: item.version, packageFormat: item.versionFormat }
      const state = { ...effectiveState(key, approved, now.getTime()), pendingExceptionIds: pending.filter((p) => covers(p, key)).map((p) => p.exceptionId) }
      return [findingKey(row.cve_name, item.componentId), state] as const
    }),
  )
}

const t = await startTestApp({ demo: true })
try {
  await t.booted.seeded
  const tasks = await waitForInstanceScans(t, DEMO_INSTANCE_ID, { atLeast: 4 })
  const shopRepo = await repoIdOf(t, DEMO_INSTANCE_ID, 'demo/shop-app')
  const shop = tasks.find((x) => x.repoId === shopRepo)
  if (!shop) throw new Error('no shop-app scan')
  const digest = `sha256:${'5'.repeat(64)}`
  const taskId = await cloneScanAsImage(t.db, shop.scanTaskId, { digest })

  // Fill the copy up to FINDINGS rows: the shop-app findings again, each under a new CVE id.
  const rows = await t.db.selectFrom('scan_vulnerabilities').selectAll().where('task_id', '=', taskId).orderBy('id').execute()
  const extra = []
  for (let i = rows.length; i < FINDINGS; i++) {
    const { id: _id, ...r } = rows[i % rows.length] ?? rows[0]!
    const cve = `CVE-2099-${String(i).padStart(5, '0')}`
    extra.push({ ...r, cve_name: cve, item: JSON.stringify({ ...(r.item as VulnerabilityItem), cveName: cve }) })
  }
  for (let i = 0; i < extra.length; i += 500) await t.db.insertInto('scan_vulnerabilities').values(extra.slice(i, i + 500)).execute()
  const all = await t.db.selectFrom('scan_vulnerabilities').select(['cve_name', 'package_name', 'package_version', 'item']).where('task_id', '=', taskId).execute()

  // 400 exceptions: 60 about findings of this image (each scope, approved or pending), the rest about other images and packages.
  const now = new Date()
  const values = []
  for (let i = 0; i < 400; i++) {
    const mine = i < 60
    const f = all[(i * 37) % all.length]!
    const item = f.item as VulnerabilityItem
    const scope: VulnExceptionScope = (['DIGEST', 'REPOSITORY', 'COMPONENT'] as const)[i % 3]!
    values.push({
      id: newExceptionId(),
      instance_id: DEMO_INSTANCE_ID,
      kind: i % 2 ? ('DEFERRAL' as const) : ('FALSE_POSITIVE' as const),
      status: i % 5 === 0 ? ('PENDING' as const) : ('APPROVED' as const),
      scope,
      repo_id: scope === 'COMPONENT' ? null : mine ? shop.repoId : `other-repo-${i % 7}`,
      repository: scope === 'COMPONENT' ? null : 'demo/other',
      digest: scope === 'DIGEST' ? (mine ? digest : `sha256:${String(i).padStart(64, '0')}`) : null,
      cve_name: mine ? f.cve_name : `CVE-2098-${String(i).padStart(5, '0')}`,
      package_name: mine ? f.package_name : `other-package-${i}`,
      package_version: f.package_version,
      package_format: item.versionFormat,
      component_id: item.componentId,
      scan_task_id: taskId,
      advisory_ecosystem: null,
      advisory_package: null,
      advisory_version: null,
      expiry: i % 2 ? ('NINETY_DAYS' as const) : null,
      expires_at: i % 2 ? new Date(now.getTime() + 90 * 86_400_000) : null,
      reason: 'bench',
      justification: 'vulnerable_code_not_in_execute_path',
      requested_by_id: 'bench',
      requested_by_name: 'bench',
      requested_at: now,
      decided_by_id: i % 5 === 0 ? null : 'approver',
      decided_by_name: i % 5 === 0 ? null : 'approver',
      decided_at: i % 5 === 0 ? null : now,
      decision_comment: null,
      closed_at: null,
    })
  }
  await t.db.insertInto('vuln_exceptions').values(values).execute()

  // The readers resolve the task once and hand it over; so does the bench, outside the timing.
  const task = await resolveTask(t.db, { scanTaskId: taskId }, 'complete')
  const times = { previous: [] as number[], current: [] as number[] }
  let suppressed = 0
  let size = 0
  for (let i = 0; i < RUNS + 3; i++) {
    const at = new Date()
    let start = performance.now()
    const old = await previous(t.db, taskId, at)
    const oldMs = performance.now() - start
    start = performance.now()
    const states = await findingStatesByKey(t.db, task, at)
    const ms = performance.now() - start
    if (i >= 3) {
      times.previous.push(oldMs)
      times.current.push(ms)
    }
    size = states.size
    suppressed = [...states.values()].filter((s) => s.suppressed).length
    // Same answers, or the comparison means nothing.
    if (old.size !== states.size) throw new Error(`sizes differ: ${old.size} vs ${states.size}`)
    for (const [k, o] of old) {
      const n = states.get(k)
      if (!n || n.state !== o.state || n.exceptionId !== o.exceptionId || n.suppressExpiry !== o.suppressExpiry || n.pendingExceptionIds.join() !== o.pendingExceptionIds.join()) throw new Error(`states differ for ${k}`)
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0
  console.log(`findingStatesByKey: ${size} findings, ${values.length} exceptions, ${suppressed} suppressed; median of ${RUNS} runs:`)
  console.log(`  previous ${median(times.previous).toFixed(1)} ms, now ${median(times.current).toFixed(1)} ms (${(median(times.previous) / median(times.current)).toFixed(1)}x)`)
} finally {
  await t.close()
}
