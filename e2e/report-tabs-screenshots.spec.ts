import type { Locator, Page, TestInfo } from '@playwright/test'
import type { ScanTask } from '@contract/scans'
import { callApi, finishedScans, readyDemoInstance, repositoryByName } from './support/api'
import { expect, expectNoSeriousA11yViolations, test } from './support/fixtures'
import { bodyRows, table } from './support/page-parts'

/**
 * Every tab of demo/shop-app's report (and the vulnerabilities grouped by package) in both
 * themes: each settles, passes axe, and is attached as a full-page screenshot to look at.
 * Also: the grouped view's URL state survives a reload, its counts are the list's, the SBOM
 * tab reads the document it downloads, and an SBOM-only scan opens on its SBOM.
 */

const REPO = 'demo/shop-app'

async function openReport(page: Page, scanTaskId: string, instanceId: string, search = '') {
  await page.goto(`/instances/${instanceId}/scans/${scanTaskId}${search}`)
  // A first load of the SPA on a busy machine can take longer than the default wait.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 45_000 })
}

async function shopAppTask(page: Page) {
  const demo = await readyDemoInstance(page.request)
  const repo = await repositoryByName(page.request, demo.instanceId, REPO)
  const task = (await finishedScans(page.request, demo.instanceId)).find((t) => t.repoId === repo.repoId && t.status === 'COMPLETE')
  expect(task, 'the boot scan of shop-app').toBeDefined()
  return { instanceId: demo.instanceId, scanTaskId: task?.scanTaskId ?? '' }
}

async function shot(page: Page, testInfo: TestInfo, name: string, fullPage = true) {
  const path = testInfo.outputPath(`${name}.png`)
  await page.screenshot({ path, fullPage })
  await testInfo.attach(name, { path, contentType: 'image/png' })
}

/** The open tab's panel once nothing in it is loading any more. */
async function settledPanel(page: Page): Promise<Locator> {
  const panel = page.getByRole('tabpanel')
  await expect(panel).toBeVisible()
  await expect(panel.locator('[aria-busy="true"]')).toHaveCount(0)
  await expect(panel.getByRole('status').filter({ hasText: /Loading|Reading/ })).toHaveCount(0)
  return panel
}

const tabs = (page: Page) => page.getByRole('tablist', { name: 'Report sections' })
const tabNamed = (page: Page, label: string) => tabs(page).getByRole('tab', { name: new RegExp(`^${label}`) })

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme, viewport: { width: 1280, height: 900 } })

    test('every report tab settles, passes axe and is attached as a screenshot', async ({ page }, testInfo) => {
      // Ten axe runs and twelve full-page screenshots: slow on a shared machine.
      test.setTimeout(300_000)
      const { instanceId, scanTaskId } = await shopAppTask(page)
      await openReport(page, scanTaskId, instanceId)
      if (scheme === 'dark') await expect(page.locator('html')).toHaveClass(/(^|\s)dark(\s|$)/)

      // The shortcuts button sits in the header with the other actions, not in a row of its own.
      const shortcuts = page.getByRole('button', { name: /^Shortcuts/ })
      const exportButton = page.getByRole('button', { name: 'Export' })
      const [shortcutsBox, exportBox] = [await shortcuts.boundingBox(), await exportButton.boundingBox()]
      expect(Math.abs((shortcutsBox?.y ?? 0) - (exportBox?.y ?? 1000)), 'Shortcuts beside Export').toBeLessThan(8)

      const overview = await settledPanel(page)
      await expect(overview.getByRole('heading', { name: 'Summary' })).toBeVisible()
      await expectNoSeriousA11yViolations(page)
      await shot(page, testInfo, `${scheme}-overview`)

      const steps: [label: string, ready: (panel: Locator) => Promise<void>][] = [
        ['Vulnerabilities', async () => void (await expect(bodyRows(table(page, 'Vulnerabilities')).first()).toBeVisible())],
        ['Fix plan', async () => {}],
        ['Components', async () => void (await expect(bodyRows(table(page, 'Components')).first()).toBeVisible())],
        ['SBOM', async (panel) => void (await expect(panel.getByRole('heading', { name: 'Document' })).toBeVisible())],
        ['Layers', async () => void (await expect(bodyRows(table(page, 'Layers')).first()).toBeVisible())],
        ['Baseline', async () => {}],
        ['Malicious files', async () => {}],
        ['Notes', async () => {}],
      ]
      for (const [label, ready] of steps) {
        await tabNamed(page, label).click()
        await expect(tabNamed(page, label)).toHaveAttribute('aria-selected', 'true')
        const panel = await settledPanel(page)
        await ready(panel)
        await expectNoSeriousA11yViolations(page, { include: '[role="tabpanel"]' })
        await shot(page, testInfo, `${scheme}-${label.toLowerCase().replace(/ /g, '-')}`)
        if (label !== 'Vulnerabilities') continue

        // The same tab grouped by package, one group open.
        await page.getByRole('switch', { name: 'Group by package' }).click()
        const groups = table(page, 'Vulnerabilities by package')
        await expect(bodyRows(groups).first()).toBeVisible()
        await page.getByRole('button', { name: /^Findings of .*log4j-core/ }).click()
        await expect(page.getByRole('table', { name: /^Findings of .*log4j-core/ })).toBeVisible()
        await settledPanel(page)
        await expectNoSeriousA11yViolations(page, { include: '[role="tabpanel"]' })
        await shot(page, testInfo, `${scheme}-vulnerabilities-grouped`)
      }
    })
  })
}

test('grouped by package: counts are the list’s, and a reload keeps the grouping and the open group', async ({ page }) => {
  const { instanceId, scanTaskId } = await shopAppTask(page)
  await openReport(page, scanTaskId, instanceId, '?tab=vulnerabilities&severity=Critical,High')
  await page.getByRole('switch', { name: 'Group by package' }).click()
  await expect.poll(() => new URL(page.url()).searchParams.get('group')).toBe('component')
  const groups = table(page, 'Vulnerabilities by package')
  await expect(groups).toHaveAttribute('aria-busy', 'false')

  // One row per package with a Critical or High finding, as the API counts them.
  const api = await callApi(page.request, 'listScanComponent', { scanTaskId, severity: 'Critical,High', vulnerable: true, pageSize: 100 })
  await expect(bodyRows(groups)).toHaveCount(api.totalCount)
  const log4j = api.items.find((c) => c.name === 'log4j-core')
  expect(log4j?.counts.totalSeverity).toBeGreaterThan(0)

  await page.getByRole('button', { name: /^Findings of .*log4j-core/ }).click()
  const findings = page.getByRole('table', { name: /^Findings of .*log4j-core/ })
  await expect(bodyRows(findings)).toHaveCount(log4j?.counts.totalSeverity ?? -1)
  expect(new URL(page.url()).searchParams.getAll('expanded')).toEqual([log4j?.componentId])

  await page.reload()
  await expect(page.getByRole('switch', { name: 'Group by package' })).toBeChecked()
  await expect(bodyRows(page.getByRole('table', { name: /^Findings of .*log4j-core/ }))).toHaveCount(log4j?.counts.totalSeverity ?? -1)

  // Off again: the flat list, same filters, no group left open.
  await page.getByRole('switch', { name: 'Group by package' }).click()
  await expect(table(page, 'Vulnerabilities')).toBeVisible()
  const params = new URL(page.url()).searchParams
  expect([params.get('group'), params.getAll('expanded'), params.get('severity')]).toEqual([null, [], 'Critical,High'])
})

test('the SBOM tab summarises the document it downloads', async ({ page }) => {
  const { instanceId, scanTaskId } = await shopAppTask(page)
  await openReport(page, scanTaskId, instanceId, '?tab=sbom')
  const download = page.getByRole('link', { name: 'Download CycloneDX JSON' })
  const res = await page.request.get((await download.getAttribute('href')) ?? '')
  const bom = (await res.json()) as { serialNumber: string; specVersion: string; components: unknown[] }
  const panel = page.getByRole('tabpanel')
  await expect(panel.getByText(bom.serialNumber)).toBeVisible()
  await expect(panel.getByText(`CycloneDX ${bom.specVersion} JSON`, { exact: false })).toBeVisible()
  await expect(panel.getByRole('definition').filter({ hasText: new RegExp(`^${bom.components.length}$`) })).toBeVisible()
})

test('an SBOM-only scan opens on its SBOM, and its vulnerability tabs say why they are empty', async ({ page }, testInfo) => {
  test.setTimeout(120_000)
  const demo = await readyDemoInstance(page.request)
  const ruleName = `e2e sbom ${Date.now()}`
  const { scanRuleId } = await callApi(page.request, 'createScanRule', {
    instanceId: demo.instanceId,
    ruleName,
    scanScope: 'REPO',
    namespaces: '["demo"]',
    repoNames: '["alpine-base"]',
    repoTagFilterPattern: '.*',
    triggerType: 'MANUAL',
    scanType: 'SBOM',
  })
  try {
    await callApi(page.request, 'runScanRule', { instanceId: demo.instanceId, scanRuleId })
    let task: ScanTask | undefined
    await expect
      .poll(
        async () => {
          const page1 = await callApi(page.request, 'listScanTask', { instanceId: demo.instanceId, scanRuleId, pageSize: 100 })
          task = page1.items.find((t) => t.scanType === 'SBOM' && t.status === 'COMPLETE')
          return task?.status
        },
        { timeout: 60_000 },
      )
      .toBe('COMPLETE')
    await openReport(page, task?.scanTaskId ?? '', demo.instanceId)
    await expect(tabNamed(page, 'SBOM')).toHaveAttribute('aria-selected', 'true')
    await expect(page.getByRole('tabpanel').getByRole('heading', { name: 'Document' })).toBeVisible()
    expect(new URL(page.url()).searchParams.get('tab')).toBeNull()
    await settledPanel(page)
    await expect(bodyRows(table(page, 'SBOM components')).filter({ hasText: 'musl' }).first()).toBeVisible()
    await expectNoSeriousA11yViolations(page)
    await shot(page, testInfo, 'sbom-only-sbom')

    await tabNamed(page, 'Vulnerabilities').click()
    await expect(page.getByRole('tabpanel').getByRole('status')).toContainText('This is an SBOM scan')
    await expect(page.getByRole('table', { name: 'Vulnerabilities' })).toHaveCount(0)
    await expectNoSeriousA11yViolations(page, { include: '[role="tabpanel"]' })
    await shot(page, testInfo, 'sbom-only-vulnerabilities')
    await tabNamed(page, 'Components').click()
    await expect(bodyRows(table(page, 'Components')).filter({ hasText: 'musl' }).first()).toBeVisible()
    await tabNamed(page, 'SBOM').click()
    await expect(bodyRows(table(page, 'SBOM components')).filter({ hasText: 'musl' }).first()).toBeVisible()
    await expect(page.getByText(/^Could not load/)).toHaveCount(0)
  } finally {
    await callApi(page.request, 'deleteScanRule', { instanceId: demo.instanceId, scanRuleId })
  }
})

test('the header row holds the shortcuts button at 800 px too', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 800, height: 900 })
  const { instanceId, scanTaskId } = await shopAppTask(page)
  await openReport(page, scanTaskId, instanceId)
  const shortcuts = page.getByRole('button', { name: /^Shortcuts/ })
  await expect(shortcuts).toBeVisible()
  // Above the tabs and no lower than the header's description box: it takes no row of its own.
  const [shortcutsBox, tabsBox] = [await shortcuts.boundingBox(), await tabs(page).boundingBox()]
  expect((shortcutsBox?.y ?? 9999) + (shortcutsBox?.height ?? 0)).toBeLessThan(tabsBox?.y ?? 0)
  await shortcuts.click()
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
  await page.keyboard.press('Escape')
  await shot(page, testInfo, 'header-800')
})

/** The report's tabs in order, as a reader sees them. */
const TAB_LABELS = ['Overview', 'Vulnerabilities', 'Fix plan', 'Components', 'SBOM', 'Layers', 'Baseline', 'Malicious files', 'Notes']

for (const width of [800, 1280]) {
  test(`at ${width} px the tab list fits without scrolling, and the arrow keys reach every tab`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width, height: 900 })
    const { instanceId, scanTaskId } = await shopAppTask(page)
    await openReport(page, scanTaskId, instanceId)
    const list = tabs(page)
    await expect(list.getByRole('tab')).toHaveCount(TAB_LABELS.length)
    const overflow = await list.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }))
    expect(overflow.scroll, 'no horizontal scrolling in the tab list').toBeLessThanOrEqual(overflow.client)
    await shot(page, testInfo, `tabs-${width}`, false)

    // One tab stop, then the arrow keys select each tab in turn, and each is on screen.
    await list.getByRole('tab', { selected: true }).focus()
    for (const label of TAB_LABELS.slice(1)) {
      await page.keyboard.press('ArrowRight')
      const tab = tabNamed(page, label)
      await expect(tab).toBeFocused()
      await expect(tab).toHaveAttribute('aria-selected', 'true')
      await expect(tab).toBeInViewport()
    }
    await page.keyboard.press('Home')
    await expect(tabNamed(page, 'Overview')).toBeFocused()
    await page.keyboard.press('ArrowLeft')
    await expect(tabNamed(page, 'Notes')).toBeFocused()
  })
}
