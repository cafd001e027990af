import { readFileSync } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { memoryAdvisories } from '../../server/engine/advisories/memory-advisories'
import { parseOsvRecord, type OsvRecord } from '../../server/engine/advisories/osv-record'
import { openOciLayoutSource } from '../../server/engine/acquire/oci-layout-source'
import { openFileLayerCache } from '../../server/engine/layers/layer-cache'
import { scanImage, type AdvisorySource } from '../../server/engine/scan-image'

/**
 * One benchmark run in its own process, so the parent reads the scan engine's own peak
 * RSS: the repo's real OSV records held in memory (the same lookup rules as the SQL
 * store, without a database whose memory would swamp the figure), then two scans of the
 * same image sharing one layer cache directory. Prints one JSON line.
 */
const [layoutDir, cacheDir] = process.argv.slice(2)
if (!layoutDir || !cacheDir) throw new Error('usage: scan-child.ts <oci-layout-dir> <cache-dir>')

async function loadRecords(dir: string): Promise<OsvRecord[]> {
  const out: OsvRecord[] = []
  for (const entry of await fs.readdir(dir, { recursive: true })) {
    if (!entry.endsWith('.json')) continue
    const parsed = parseOsvRecord(JSON.parse(await fs.readFile(path.join(dir, entry), 'utf8')))
    if (parsed.ok) out.push(parsed.record)
  }
  return out
}
const records = await loadRecords('fixtures/osv')
const memory = memoryAdvisories(records)
const advisories: AdvisorySource = {
  ...memory,
  info: () => Promise.resolve({ recordCount: records.length, importedAt: Date.now(), newestModified: null }),
}
/**
 * This process's peak RSS in KiB. On Linux, getrusage's maxrss is no good here: a spawned
 * child inherits the high-water mark of the parent's memory image it was forked from
 * (exec keeps it), so it reports the parent's size whenever the parent is the bigger one
 * (the bench parent holds the generated image). /proc's VmHWM is reset by exec.
 */
function peakRssKb(): number {
  try {
    const hwm = /^VmHWM:\s*(\d+)\s*kB/m.exec(readFileSync('/proc/self/status', 'utf8'))
    if (hwm) return Number(hwm[1])
  } catch {
    // Not Linux: fall back to getrusage.
  }
  return process.resourceUsage().maxRSS
}

const rssBefore = peakRssKb()
const cache = await openFileLayerCache(cacheDir)

async function timedScan() {
  const source = await openOciLayoutSource(layoutDir ?? '')
  try {
    const t = performance.now()
    const report = await scanImage({ source, repository: 'bench/synthetic', reference: 'bench', advisories, cache })
    return { ms: performance.now() - t, report }
  } finally {
    await source.close()
  }
}

const first = await timedScan()
const second = await timedScan()
const maxRssKb = peakRssKb()
process.stdout.write(
  `${JSON.stringify({
    firstMs: first.ms,
    secondMs: second.ms,
    maxRssMb: maxRssKb / 1024,
    rssBeforeScanMb: rssBefore / 1024,
    components: first.report.components.length,
    findings: first.report.findings.length,
    cachedLayers: second.report.layers.filter((l) => l.cached).length,
  })}\n`,
)
