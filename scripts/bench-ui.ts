import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { UI_BENCH_FIXTURE, writeUiFixture } from './bench/ui-fixture'
import { measureReport } from './bench/ui-measure'
import { freePort, run, startServer } from './bench/ui-server'

/**
 * `npm run bench:ui`: the report page with 5,000 findings, measured in headless Chromium
 * against the real server (its own temporary data directory and a free 127.0.0.1 port):
 * first contentful paint, time until the vulnerabilities table shows rows, a search filter
 * and a sort round trip, and the gzip size of the JavaScript the SPA loads first. Prints
 * each next to its target. `--reuse-dist` keeps an SPA built by an earlier run.
 */

const TARGETS = { tableRowsMs: 1_500, roundTripMs: 300, initialJsKb: 250 }
const DIST = '.tmp/bench-ui-dist'

async function call<T>(baseUrl: string, name: string, input: Record<string, unknown>, method: 'GET' | 'POST' = 'GET'): Promise<T> {
  const qs = new URLSearchParams(Object.entries(input).map(([k, v]) => [k, String(v)]))
  const res =
    method === 'GET'
      ? await fetch(`${baseUrl}/api/v1/${name}?${qs.toString()}`)
      : await fetch(`${baseUrl}/api/v1/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) })
  if (!res.ok) throw new Error(`${name}: ${res.status} ${await res.text()}`)
  return (await res.json()) as T
}

async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 300_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    // A busy server (a scan of thousands of packages runs in-process) may drop an idle
    // keep-alive connection just as a poll reuses it: that poll is retried, nothing more.
    const value = await check().catch((err: unknown) => {
      if (err instanceof TypeError && err.message === 'fetch failed') return undefined
      throw err
    })
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 500))
  }
}

/** gzip bytes of the scripts index.html loads at once: the entry module and its preloads. */
async function initialJsGzipKb(dist: string): Promise<number> {
  const html = await fs.readFile(path.join(dist, 'index.html'), 'utf8')
  const srcs = [...html.matchAll(/<(?:script[^>]*type="module"[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+)"/g)].map((m) => m[1] ?? '')
  let bytes = 0
  for (const src of srcs) bytes += gzipSync(await fs.readFile(path.join(dist, src.replace(/^\//, '')))).length
  return bytes / 1024
}

async function main() {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'layerscope-bench-ui-'))
  const dataDir = path.join(work, 'data')
  try {
    const reuse = process.argv.includes('--reuse-dist') && (await fs.stat(path.join(DIST, 'index.html')).catch(() => null)) !== null
    if (!reuse) {
      process.stdout.write('Building the SPA… ')
      await run('npx', ['vite', 'build', '--outDir', DIST, '--emptyOutDir'])
      console.log('done')
    }
    process.stdout.write('Writing the image and its advisories… ')
    const fixture = await writeUiFixture(work, UI_BENCH_FIXTURE)
    console.log(`${UI_BENCH_FIXTURE.packages} npm packages, ${fixture.findings} advisories`)
    // PGlite serves one process: import before the server starts, on the same data directory.
    await run(process.execPath, ['--import', 'tsx', 'server/cli/vulndb-import.ts', fixture.osvDir], { DATA_DIR: dataDir })

    const server = await startServer({ dataDir, staticDir: DIST, port: await freePort() })
    try {
      const instance = await call<{ instanceId: string }>(server.baseUrl, 'createInstance', { kind: 'DIRECTORY', instanceName: 'bench', path: fixture.imagesDir }, 'POST')
      const repo = await until('the index', async () => {
        const page = await call<{ items: { repoId: string }[] }>(server.baseUrl, 'listRepository', { instanceId: instance.instanceId })
        return page.items[0]
      })
      const { scanTaskId } = await call<{ scanTaskId: string }>(server.baseUrl, 'createRepoTagScanTask', { instanceId: instance.instanceId, repoId: repo.repoId, tag: 'bench' }, 'POST')
      process.stdout.write('Scanning… ')
      const task = await until('the scan', async () => {
        const t = await call<{ status: string; counts: { totalSeverity: number } | null }>(server.baseUrl, 'getRepoTagScanStatus', { scanTaskId })
        if (t.status === 'FAILED') throw new Error('the scan failed')
        return t.status === 'COMPLETE' ? t : undefined
      })
      console.log(`${task.counts?.totalSeverity ?? 0} findings`)

      const figures = await measureReport(`${server.baseUrl}/instances/${instance.instanceId}/scans/${scanTaskId}?tab=vulnerabilities`)
      const js = await initialJsGzipKb(DIST)
      const row = (what: string, value: string, target: string, ok: boolean) => console.log(`| ${what} | ${value} | ${target} | ${ok ? 'met' : 'MISSED'} |`)
      console.log(`\nReport of ${task.counts?.totalSeverity ?? 0} findings, first visit, median of 3:\n`)
      console.log('| Measure | Result | Target | |\n|---|---|---|---|')
      row('First contentful paint', `${figures.firstContentfulPaintMs.toFixed(0)} ms`, '—', true)
      row('Table shows rows', `${figures.tableRowsMs.toFixed(0)} ms`, `< ${TARGETS.tableRowsMs} ms`, figures.tableRowsMs < TARGETS.tableRowsMs)
      row('Filter round trip (search)', `${figures.filterRoundTripMs.toFixed(0)} ms`, `< ${TARGETS.roundTripMs} ms`, figures.filterRoundTripMs < TARGETS.roundTripMs)
      row('Sort round trip', `${figures.sortRoundTripMs.toFixed(0)} ms`, `< ${TARGETS.roundTripMs} ms`, figures.sortRoundTripMs < TARGETS.roundTripMs)
      row('Initial JS (gzip)', `${js.toFixed(0)} KB`, `≤ ${TARGETS.initialJsKb} KB`, js <= TARGETS.initialJsKb)
    } finally {
      await server.stop()
    }
  } finally {
    await fs.rm(work, { recursive: true, force: true })
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exitCode = 1
})
