import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import type { APIRequestContext, FrameLocator, Locator, Page } from '@playwright/test'
import { baseURL, portalOrigins } from '../playwright.config'
import { finishedScans, readyDemoInstance, repositoryByName } from './support/api'
import { expect, expectNoSeriousA11yViolations, test } from './support/fixtures'

/**
 * Embedding as a portal does it: the example portal (examples/portal/) is served from
 * another origin on 127.0.0.1, one that EMBED_ALLOWED_ORIGINS lists (playwright.config.ts)
 * and one that it does not, and frames a scan report of the demo.
 */

const REPO = 'demo/shop-app'
const TAG = '1.0.0'
const LOG4SHELL = 'CVE-2021-44228'
const PORTAL_DIR = path.resolve('examples/portal')
const PORTAL_FILES: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/example-portal.js': { file: 'example-portal.js', type: 'text/javascript; charset=utf-8' },
  '/portal.css': { file: 'portal.css', type: 'text/css; charset=utf-8' },
}
// The portal runs under a strict CSP of its own: it needs no inline code to embed Layerscope.
const PORTAL_CSP = `default-src 'self'; script-src 'self' ${baseURL}; frame-src ${baseURL}; style-src 'self'; object-src 'none'; base-uri 'none'`

/** Serves examples/portal/ on `origin` until closed. */
async function servePortal(origin: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const entry = PORTAL_FILES[new URL(req.url ?? '/', origin).pathname]
    if (!entry) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'Content-Type': entry.type, 'Content-Security-Policy': PORTAL_CSP, 'Cache-Control': 'no-store' })
    fs.createReadStream(path.join(PORTAL_DIR, entry.file)).pipe(res)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(Number(new URL(origin).port), '127.0.0.1', resolve)
  })
  return server
}

let portals: http.Server[] = []
test.beforeAll(async () => {
  portals = await Promise.all([servePortal(portalOrigins.allowed), servePortal(portalOrigins.refused)])
})
test.afterAll(async () => {
  await Promise.all(portals.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))))
})

/** A finished scan of the demo's shop-app, and the path of its report. */
async function shopAppReport(request: APIRequestContext) {
  const demo = await readyDemoInstance(request)
  const repo = await repositoryByName(request, demo.instanceId, REPO)
  const task = (await finishedScans(request, demo.instanceId)).find((t) => t.repoId === repo.repoId && t.status === 'COMPLETE')
  expect(task, `a finished scan of ${REPO}`).toBeDefined()
  const scanTaskId = task?.scanTaskId ?? ''
  return {
    demo,
    repo,
    heading: `${task?.repository}:${task?.tag}`,
    reportPath: `/instances/${demo.instanceId}/scans/${scanTaskId}`,
    // The vulnerabilities tab is asked for by name: which tab is the default is not this test's concern.
    vulnerabilitiesPath: `/instances/${demo.instanceId}/scans/${scanTaskId}?tab=vulnerabilities`,
    tagPath: `/instances/${demo.instanceId}/repositories/${repo.repoId}/tags/${TAG}`,
  }
}

/** The example portal on `origin`, asked to show a Layerscope page as a portal author would. */
function portalUrl(origin: string, layerscopePath: string, options: { theme?: string; links?: string } = {}): string {
  const url = new URL('/', origin)
  url.searchParams.set('report', `${baseURL}${layerscopePath}`)
  if (options.theme) url.searchParams.set('theme', options.theme)
  if (options.links) url.searchParams.set('links', options.links)
  return url.href
}

function portalFrame(page: Page): { element: Locator; content: FrameLocator } {
  return { element: page.locator('iframe[data-layerscope-embed]'), content: page.frameLocator('iframe[data-layerscope-embed]') }
}

/** The URL of the page inside the portal's frame. */
async function frameUrl(page: Page): Promise<URL> {
  const handle = await portalFrame(page).element.elementHandle()
  const frame = await handle?.contentFrame()
  return new URL(frame?.url() ?? 'about:blank')
}

/** The frame shows `path` of this Layerscope, embedded, on report tab `tab` (null: none in the URL). */
async function expectFrameAt(page: Page, path: string, tab?: string | null) {
  const url = await frameUrl(page)
  expect(url.origin).toBe(baseURL)
  expect(url.pathname).toBe(`/embed${path}`)
  if (tab !== undefined) expect(url.searchParams.get('tab')).toBe(tab)
}

/** How the frame's height compares with the embedded page's content. */
async function frameFit(page: Page) {
  const { element, content } = portalFrame(page)
  const frameHeight = await element.evaluate((el) => el.clientHeight)
  const inside = await content.locator('html').evaluate(() => ({
    content: Math.ceil(document.getElementById('main-content')?.parentElement?.getBoundingClientRect().height ?? 0),
    scrolls: document.documentElement.scrollHeight > window.innerHeight,
  }))
  return { frameHeight, contentHeight: inside.content, scrolls: inside.scrolls }
}

async function expectFrameFitsContent(page: Page): Promise<number> {
  await expect
    .poll(async () => {
      const fit = await frameFit(page)
      return fit.contentHeight > 0 && Math.abs(fit.frameHeight - fit.contentHeight) <= 1 && !fit.scrolls
    }, { message: 'the frame is as tall as its content and does not scroll' })
    .toBe(true)
  return (await frameFit(page)).frameHeight
}

/**
 * Watches for the next message of height 7 the portal page receives; the returned
 * function resolves to the frame's CSS height right after the portal script handled it
 * (this listener is added after the script's, so it runs after it for the same message).
 */
async function watchHeightSeven(page: Page): Promise<() => Promise<string>> {
  await page.evaluate(() => {
    const w = window as unknown as { heightSeven?: Promise<string> }
    const frame = document.querySelector<HTMLIFrameElement>('iframe[data-layerscope-embed]')
    w.heightSeven = new Promise((resolve) => {
      window.addEventListener('message', (event: MessageEvent<{ height?: unknown } | null>) => {
        if (event.data?.height === 7) resolve(frame?.style.height ?? '')
      })
    })
  })
  return () => page.evaluate(() => (window as unknown as { heightSeven: Promise<string> }).heightSeven)
}

async function expectNoChrome(content: FrameLocator) {
  await expect(content.getByRole('main')).toBeVisible()
  await expect(content.getByRole('banner')).toHaveCount(0)
  await expect(content.getByRole('navigation', { name: 'Main' })).toHaveCount(0)
  await expect(content.getByRole('navigation', { name: 'Breadcrumb' })).toHaveCount(0)
  await expect(content.getByRole('link', { name: 'Skip to content' })).toHaveCount(0)
}

test('an embedded report renders without the app chrome and the frame follows its height', async ({ page, request }) => {
  const { heading, reportPath, vulnerabilitiesPath } = await shopAppReport(request)
  await page.goto(portalUrl(portalOrigins.allowed, vulnerabilitiesPath))
  const { element, content } = portalFrame(page)

  await expect(content.getByRole('heading', { level: 1, name: heading })).toBeVisible()
  await expectNoChrome(content)
  await expectFrameAt(page, reportPath, 'vulnerabilities')
  await expect(content.getByRole('table', { name: 'Vulnerabilities', exact: true })).toHaveAttribute('aria-busy', 'false')
  const withVulnerabilities = await expectFrameFitsContent(page)
  // The example portal starts its frame at 20rem; the report with its table is much taller.
  expect(withVulnerabilities).toBeGreaterThan(640)

  // The portal script sizes a frame only from that frame's own messages of its version.
  let handled = await watchHeightSeven(page)
  await page.evaluate(() => window.postMessage({ type: 'layerscope:embed:size', version: 1, height: 7 }, '*'))
  expect(await handled(), 'a message from the portal window itself').toBe(`${withVulnerabilities}px`)
  handled = await watchHeightSeven(page)
  await content.locator('html').evaluate(() => window.parent.postMessage({ type: 'layerscope:embed:size', version: 2, height: 7 }, '*'))
  expect(await handled(), 'a message of another version').toBe(`${withVulnerabilities}px`)

  await content.getByRole('tab', { name: /^Notes/ }).click()
  await expect(content.getByRole('tabpanel')).toBeVisible()
  await expect.poll(() => element.evaluate((el) => el.clientHeight), { message: 'the frame shrinks with the shorter tab' }).toBeLessThan(withVulnerabilities)
  await expectFrameFitsContent(page)
  await expectFrameAt(page, reportPath, 'notes')

  await content.getByRole('tab', { name: /^Vulnerabilities/ }).click()
  await expect(content.getByRole('table', { name: 'Vulnerabilities', exact: true })).toHaveAttribute('aria-busy', 'false')
  await expect.poll(() => element.evaluate((el) => el.clientHeight), { message: 'the frame grows back' }).toBeGreaterThan(640)
  await expectFrameFitsContent(page)
})

test('links=frame: app links stay in the frame, embedded; other sites open in a new tab', async ({ page, context, request }) => {
  const { heading, reportPath, vulnerabilitiesPath, tagPath } = await shopAppReport(request)
  // Advisory sites are not reachable from here: answer for them.
  await context.route(/^https:\/\//, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Advisory</title>' }))
  const portalPage = portalUrl(portalOrigins.allowed, vulnerabilitiesPath, { links: 'frame' })
  await page.goto(portalPage)
  const { content } = portalFrame(page)
  await expect(content.getByRole('heading', { level: 1, name: heading })).toBeVisible()

  const advisory = content.getByRole('link', { name: new RegExp(`^${LOG4SHELL}`) }).first()
  const [popup] = await Promise.all([context.waitForEvent('page'), advisory.click()])
  await expect(popup).toHaveURL(`https://nvd.nist.gov/vuln/detail/${LOG4SHELL}`)
  expect(await popup.evaluate(() => window.opener === null)).toBe(true)
  await popup.close()
  await expectFrameAt(page, reportPath, 'vulnerabilities')

  await content.getByRole('link', { name: `Open tag ${TAG}` }).click()
  await expect(content.getByRole('heading', { level: 1, name: TAG })).toBeVisible()
  await expectNoChrome(content)
  await expectFrameAt(page, tagPath)
  expect(page.url()).toBe(portalPage)
  expect(context.pages()).toHaveLength(1)
  await expectFrameFitsContent(page)
})

test('links=tab: app links open the full app in a new tab, also from the keyboard', async ({ page, context, request }) => {
  const { heading, reportPath, tagPath } = await shopAppReport(request)
  await page.goto(portalUrl(portalOrigins.allowed, reportPath, { links: 'tab' }))
  const { content } = portalFrame(page)
  await expect(content.getByRole('heading', { level: 1, name: heading })).toBeVisible()

  await content.getByRole('link', { name: `Open tag ${TAG}` }).focus()
  const [tab] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('Enter')])
  await expect(tab).toHaveURL(`${baseURL}${tagPath}`)
  await expect(tab.getByRole('navigation', { name: 'Main' })).toBeVisible()
  await expect(tab.getByRole('heading', { level: 1, name: TAG })).toBeVisible()
  expect(await tab.evaluate(() => window.opener === null)).toBe(true)

  // The frame itself stayed on the report.
  await expect(content.getByRole('heading', { level: 1, name: heading })).toBeVisible()
  await expectFrameAt(page, reportPath)
})

test('the portal sets the theme, whatever the viewer prefers, and the embedded pages pass axe', async ({ page, request }) => {
  const { heading, vulnerabilitiesPath } = await shopAppReport(request)
  const darkClass = /(^|\s)dark(\s|$)/

  await page.emulateMedia({ colorScheme: 'light' })
  await page.goto(portalUrl(portalOrigins.allowed, vulnerabilitiesPath, { theme: 'dark' }))
  const { content } = portalFrame(page)
  await expect(content.getByRole('heading', { level: 1, name: heading })).toBeVisible()
  await expect(content.locator('html')).toHaveClass(darkClass)
  await expect(content.getByRole('table', { name: 'Vulnerabilities', exact: true })).toHaveAttribute('aria-busy', 'false')
  // The portal page and, through it, the embedded report.
  await expectNoSeriousA11yViolations(page)

  await page.emulateMedia({ colorScheme: 'dark' })
  await page.goto(portalUrl(portalOrigins.allowed, vulnerabilitiesPath, { theme: 'light' }))
  await expect(content.getByRole('heading', { level: 1, name: heading })).toBeVisible()
  await expect(content.locator('html')).not.toHaveClass(darkClass)
  await expectNoSeriousA11yViolations(page)
})

test('?embed=1 on any route moves the page under /embed, and its links keep it there', async ({ page, request }) => {
  const { demo, heading } = await shopAppReport(request)
  await page.goto(`/instances/${demo.instanceId}/scans?embed=1&theme=dark`)
  await expect(page).toHaveURL(`/embed/instances/${demo.instanceId}/scans?theme=dark`)
  await expect(page.getByRole('heading', { level: 1, name: 'Scan tasks' })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0)
  await expect(page.locator('html')).toHaveClass(/(^|\s)dark(\s|$)/)
  await expect(page.getByRole('table', { name: 'Scan tasks', exact: true })).toHaveAttribute('aria-busy', 'false')
  await expectNoSeriousA11yViolations(page)

  await page.getByRole('link', { name: heading, exact: true }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
  await expect(page).toHaveURL(new RegExp(`^${baseURL}/embed/instances/${demo.instanceId}/scans/[^/?]+$`))
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0)
  await expect(page.locator('html')).toHaveClass(/(^|\s)dark(\s|$)/)
})

test('a portal on an origin that is not allowed gets no Layerscope page in its frame', async ({ page, request, pageErrors }) => {
  const { reportPath } = await shopAppReport(request)
  await page.goto(portalUrl(portalOrigins.refused, reportPath))
  const { element, content } = portalFrame(page)
  await expect(element).toBeVisible()

  // Chromium reports the refusal on the portal's console, naming the directive.
  const refusal = /frame-ancestors/
  await expect.poll(() => pageErrors.some((e) => refusal.test(e)), { message: 'the browser refused to frame the app' }).toBe(true)
  await expect(content.getByRole('main')).toHaveCount(0)
  expect((await frameUrl(page)).origin).not.toBe(baseURL)
  // Nothing in the frame talked to the portal: its height is the portal's own.
  expect(await element.evaluate((el) => el.style.height)).toBe('')
  // The expected refusal is this test's subject, not a failure.
  pageErrors.splice(0, pageErrors.length, ...pageErrors.filter((e) => !refusal.test(e)))
})
