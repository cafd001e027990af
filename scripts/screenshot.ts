/**
 * Takes the README's screenshot: the report of the demo's demo/shop-app:1.0.0 scan,
 * vulnerabilities tab, at 1440×900. (Not the instance page: it shows the demo
 * directory's absolute path.)
 *
 *   node --import tsx scripts/screenshot.ts [out.png]     (default docs/screenshot.png)
 *
 * Starts the real server on a free port with a fresh temporary DATA_DIR (so the demo
 * instance is created, synced and scanned as on a first start), waits for /api/healthz,
 * the demo sync and the demo scans, shoots the page in Debian's Chromium, then stops the
 * server and removes the data. Builds the SPA first when dist/ has none.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const CHROMIUM = '/usr/bin/chromium'
const VIEWPORT = { width: 1440, height: 900 }
const TIMEOUT_MS = 120_000
/** The image whose report is shot: the demo's application image, with real Java, npm and Python findings. */
const REPORT_IMAGE = { repository: 'demo/shop-app', tag: '1.0.0' }

async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit' })
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))))
  })
}

/** Polls `check` until it returns a value, failing early when the server has exited. */
async function waitFor<T>(what: string, server: ChildProcess, log: () => string, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + TIMEOUT_MS
  for (;;) {
    if (server.exitCode !== null) throw new Error(`The server exited (${server.exitCode}) while waiting for ${what}:\n${log()}`)
    const value = await check().catch(() => undefined)
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}:\n${log()}`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

async function main() {
  const out = path.resolve(process.argv[2] ?? path.join(root, 'docs', 'screenshot.png'))
  await fs.access(CHROMIUM).catch(() => {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium package.`)
  })
  const hasBuild = await fs.access(path.join(root, 'dist', 'index.html')).then(
    () => true,
    () => false,
  )
  if (!hasBuild) await run('npm', ['run', '--silent', 'build'])

  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'layerscope-'))
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO: 'true', LOG_LEVEL: 'warn', STATIC_DIR: path.join(root, 'dist'), DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  server.stdout?.on('data', (d: Buffer) => (output += d.toString()))
  server.stderr?.on('data', (d: Buffer) => (output += d.toString()))
  const log = () => output.slice(-4000)

  try {
    await waitFor('/api/healthz', server, log, async () => ((await fetch(`${base}/api/healthz`)).ok ? true : undefined))
    const instanceId = await waitFor('the demo sync', server, log, async () => {
      const res = await fetch(`${base}/api/v1/listInstance?instanceName=demo`)
      const body = (await res.json()) as { items: { instanceId: string; instanceName: string; syncStatus: string }[] }
      const demo = body.items.find((i) => i.instanceName === 'demo')
      if (demo?.syncStatus === 'FAILED') throw new Error('The demo sync failed.')
      return demo?.syncStatus === 'READY' ? demo.instanceId : undefined
    })

    const scanTaskId = await waitFor('the demo scans', server, log, async () => {
      const res = await fetch(`${base}/api/v1/listScanTask?instanceId=${instanceId}&pageSize=100`)
      const body = (await res.json()) as { items: { scanTaskId: string; repository: string; tag: string; status: string }[] }
      if (body.items.length === 0 || body.items.some((t) => t.status !== 'COMPLETE' && t.status !== 'FAILED')) return undefined
      const shop = body.items.find((t) => t.repository === REPORT_IMAGE.repository && t.tag === REPORT_IMAGE.tag && t.status === 'COMPLETE')
      if (!shop) throw new Error(`No complete scan of ${REPORT_IMAGE.repository}:${REPORT_IMAGE.tag}.`)
      return shop.scanTaskId
    })

    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] })
    try {
      const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, colorScheme: 'light', reducedMotion: 'reduce' })
      const page = await context.newPage()
      await page.goto(`${base}/instances/${instanceId}/scans/${scanTaskId}`)
      await page.getByRole('link', { name: /^CVE-2021-44228/ }).first().waitFor()
      await page.getByRole('table', { name: 'Vulnerabilities' }).and(page.locator('[aria-busy="false"]')).waitFor()
      await page.getByRole('figure', { name: 'Severity distribution' }).locator('.recharts-bar-rectangle').first().waitFor()
      await page.waitForLoadState('networkidle')
      await fs.mkdir(path.dirname(out), { recursive: true })
      await page.screenshot({ path: out })
      console.log(`Wrote ${path.relative(process.cwd(), out) || out} (${VIEWPORT.width}×${VIEWPORT.height}).`)
    } finally {
      await browser.close()
    }
  } finally {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve))
      server.kill('SIGTERM')
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))])
      if (server.exitCode === null) server.kill('SIGKILL')
    }
    await fs.rm(dataDir, { recursive: true, force: true })
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
