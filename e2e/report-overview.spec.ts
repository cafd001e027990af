import type { Page, TestInfo } from '@playwright/test'
import type { VulnerabilityItem } from '@contract/scans'
import { callApi, finishedScans, readyDemoInstance, repositoryByName } from './support/api'
import { expect, expectNoSeriousA11yViolations, test } from './support/fixtures'
import { bodyRows, cellIn, table } from './support/page-parts'

/**
 * The report's Overview, Components and Layers tabs on demo/shop-app's boot scan: the
 * overview's numbers are the summary's, a chart element opens the vulnerabilities it
 * counts (in the URL too), the package and layer tables show the image's real content,
 * and axe passes in both themes.
 */

const REPO = 'demo/shop-app'

function query(page: Page): Record<string, string[]> {
  const params = new URL(page.url()).searchParams
  const out: Record<string, string[]> = {}
  for (const key of new Set(params.keys())) out[key] = params.getAll(key)
  return out
}

async function shopAppReport(page: Page) {
  const demo = await readyDemoInstance(page.request)
  const repo = await repositoryByName(page.request, demo.instanceId, REPO)
  const tasks = await finishedScans(page.request, demo.instanceId)
  const task = tasks.find((t) => t.repoId === repo.repoId && t.status === 'COMPLETE')
  expect(task, 'the boot scan of shop-app').toBeDefined()
  const scanTaskId = task?.scanTaskId ?? ''
  await page.goto(`/instances/${demo.instanceId}/scans/${scanTaskId}`)
  await expect(page.getByRole('heading', { level: 1, name: `${REPO}:1.0.0` })).toBeVisible()
  return { demo, scanTaskId }
}

/** The CVE and package of each vulnerabilities row, once the table has settled. */
async function vulnerabilityRows(page: Page): Promise<string[]> {
  const vulns = table(page, 'Vulnerabilities')
  await expect(vulns).toHaveAttribute('aria-busy', 'false')
  return bodyRows(vulns).evaluateAll((rows) =>
    rows
      .filter((row) => row.querySelectorAll('td').length > 1)
      .map((row) => {
        const cells = row.querySelectorAll('td')
        const cve = cells[1]?.querySelector('a')?.firstChild?.textContent?.trim() ?? cells[1]?.textContent?.trim() ?? ''
        const pkg = cells[4]?.querySelector('span span')?.textContent?.trim() ?? ''
        return `${cve} ${pkg}`
      }),
  )
}

async function apiRows(page: Page, scanTaskId: string, filters: Record<string, string | number | boolean>): Promise<string[]> {
  const res = await callApi(page.request, 'listRepoTagScanResult', { scanTaskId, pageSize: 100, ...filters })
  return (res.items as VulnerabilityItem[]).map((v) => `${v.cveName} ${v.feature}`)
}

async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`)
  await page.screenshot({ path, fullPage: true })
  await testInfo.attach(name, { path, contentType: 'image/png' })
}

test('the overview shows the summary’s numbers, and its charts open the findings they count', async ({ page }, testInfo) => {
  const { scanTaskId } = await shopAppReport(page)
  const summary = await callApi(page.request, 'getRepoTagScanSummary', { scanTaskId })
  const overview = await callApi(page.request, 'getScanOverview', { scanTaskId })

  // Overview is the first tab: selected with no ?tab in the URL.
  const tabs = page.getByRole('tablist', { name: 'Report sections' })
  await expect(tabs.getByRole('tab', { name: /^Overview/ })).toHaveAttribute('aria-selected', 'true')
  expect(query(page)).toEqual({})

  // The cards and the severity chart: the summary's counts.
  const cards = page.getByRole('region', { name: 'Summary' })
  const card = (term: string) => cards.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]')
  for (const [term, count] of [
    ['Critical', summary.criticalSeverity],
    ['High', summary.highSeverity],
    ['Medium', summary.mediumSeverity],
    ['Low', summary.lowSeverity],
    ['Unknown', summary.unknownSeverity],
  ] as const) {
    await expect(card(term)).toHaveText(String(count))
  }
  await expect(card('Fixable')).toHaveText(`${summary.fixableCount}of ${summary.totalSeverity}`)
  expect([summary.criticalSeverity, summary.highSeverity, summary.fixableCount]).toEqual([3, 7, 24])
  await expect(cards.getByRole('figure', { name: 'Severity distribution' })).toContainText(
    `Severity distribution: ${summary.criticalSeverity} critical, ${summary.highSeverity} high, ${summary.mediumSeverity} medium, ${summary.unknownSeverity} unknown.`,
  )
  const fixes = page.getByRole('region', { name: 'Fix first' })
  await expect(fixes).toContainText('Upgrade 2 packages to remove 3 critical vulnerabilities.')
  await expect(bodyRows(fixes.getByRole('table', { name: 'Top fixable packages' })).first()).toContainText('log4j-core')
  await expect(page.getByRole('region', { name: 'CVSS v3 metrics' })).toContainText('15 of 24 findings have a CVSS v3 vector.')
  await expect(page.getByRole('region', { name: 'CVSS v2 metrics' })).toContainText('0 of 24 findings have a CVSS v2 vector.')
  await screenshot(page, testInfo, 'overview')

  // Attack vector: Network → the vulnerabilities tab, filtered in the URL, 12 rows, as the chart says.
  const network = overview.cvssV3.metrics.find((m) => m.param === 'attackVector')?.values.find((v) => v.value === 'NETWORK')
  expect(network?.count).toBe(12)
  await page.getByRole('link', { name: 'Attack vector: Network, 12 findings, filter' }).click()
  await expect.poll(() => query(page)).toEqual({ tab: ['vulnerabilities'], attackVector: ['NETWORK'] })
  await expect(tabs.getByRole('tab', { name: /^Vulnerabilities/ })).toHaveAttribute('aria-selected', 'true')
  await expect.poll(() => vulnerabilityRows(page)).toEqual(await apiRows(page, scanTaskId, { attackVector: 'NETWORK' }))
  expect(await vulnerabilityRows(page)).toHaveLength(12)
  await expect(page.getByRole('tabpanel')).toBeFocused()
  const chips = page.getByRole('list', { name: 'Active filters' })
  await expect(chips.getByRole('listitem')).toHaveText([/^Attack vector: Network/])
  await screenshot(page, testInfo, 'vulnerabilities-filtered')

  // The fixable switch adds to it; removing the chip keeps the switch.
  // click(), not check(): the switch shows the URL's state, which the router applies a moment later.
  await page.getByRole('switch', { name: 'Fixable only' }).click()
  await expect(page.getByRole('switch', { name: 'Fixable only' })).toBeChecked()
  await expect.poll(() => query(page)).toEqual({ tab: ['vulnerabilities'], fixable: ['true'], attackVector: ['NETWORK'] })
  await expect.poll(() => vulnerabilityRows(page)).toEqual(await apiRows(page, scanTaskId, { attackVector: 'NETWORK', fixable: true }))
  await chips.getByRole('button', { name: 'Remove filter Attack vector: Network' }).click()
  await expect.poll(() => query(page)).toEqual({ tab: ['vulnerabilities'], fixable: ['true'] })
  await expect(chips).toBeHidden()
  await expect.poll(() => vulnerabilityRows(page)).toHaveLength(summary.fixableCount)

  // A bar of the severity chart, clicked with the mouse: the criticals.
  await tabs.getByRole('tab', { name: /^Overview/ }).click()
  await expect.poll(() => query(page)).toEqual({})
  const severityFigure = page.getByRole('figure', { name: 'Severity distribution' })
  await severityFigure.locator('.recharts-bar-rectangle').first().click()
  await expect.poll(() => query(page)).toEqual({ tab: ['vulnerabilities'], severity: ['Critical'] })
  await expect.poll(() => vulnerabilityRows(page)).toHaveLength(summary.criticalSeverity)

  // By keyboard: the 9–10 score bin, then a layer, each link reached with Tab and Enter.
  await page.goBack()
  await expect(tabs.getByRole('tab', { name: /^Overview/ })).toHaveAttribute('aria-selected', 'true')
  const nines = page.getByRole('link', { name: 'CVSS score: 9–10, 3 findings, filter' })
  await nines.focus()
  await page.keyboard.press('Enter')
  await expect.poll(() => query(page)).toEqual({ tab: ['vulnerabilities'], cvssMin: ['9'], cvssMax: ['10'] })
  await expect.poll(() => vulnerabilityRows(page)).toEqual(await apiRows(page, scanTaskId, { cvssMin: 9, cvssMax: 10 }))
  expect(await vulnerabilityRows(page)).toHaveLength(overview.scoreHistogram.bins[9]?.count ?? -1)
  await expect(page.getByRole('list', { name: 'Active filters' }).getByRole('listitem')).toHaveText([/^CVSS 9–10/])

  await page.goBack()
  const layer5 = overview.layers[5]
  expect(layer5).toMatchObject({ instruction: 'COPY', counts: { totalSeverity: 6 } })
  await page.getByRole('link', { name: 'Findings per layer: Layer 5 (COPY), 6 findings, filter' }).click()
  await expect.poll(() => query(page)).toEqual({ tab: ['vulnerabilities'], layerIndex: ['5'] })
  await expect.poll(() => vulnerabilityRows(page)).toEqual(await apiRows(page, scanTaskId, { layerIndex: 5 }))
  expect(await vulnerabilityRows(page)).toHaveLength(6)
})

test('the components and layers tabs show the image’s packages and layers', async ({ page }, testInfo) => {
  const { scanTaskId } = await shopAppReport(page)
  const tabs = page.getByRole('tablist', { name: 'Report sections' })

  await tabs.getByRole('tab', { name: /^Components/ }).click()
  await expect.poll(() => query(page)).toEqual({ tab: ['components'] })
  const packages = table(page, 'Components')
  await expect(packages).toHaveAttribute('aria-busy', 'false')
  const first = bodyRows(packages).first()
  await expect(await cellIn(packages, first, 'Package')).toContainText('org.apache.logging.log4j:log4j-core')
  await expect(await cellIn(packages, first, 'Version')).toHaveText('2.14.1')
  await expect(await cellIn(packages, first, 'Layer')).toHaveText('5')
  await expect(await cellIn(packages, first, 'Fixed by')).toHaveText('2.17.0')
  await expect(await cellIn(packages, first, 'Total')).toHaveText('3')
  await expect(page.getByText('1–30 of 54')).toBeVisible()
  await screenshot(page, testInfo, 'components')

  // Search and layer filter in the URL; the server answers.
  await page.getByRole('searchbox', { name: 'Search packages' }).fill('jinja')
  await expect.poll(() => query(page)).toEqual({ tab: ['components'], componentQueryKey: ['jinja'] })
  await expect.poll(() => bodyRows(packages).count()).toBe(1)
  await expect(bodyRows(packages).first()).toContainText('Jinja2')
  await expect(bodyRows(packages).first()).toContainText('3.1.3')
  await page.getByRole('searchbox', { name: 'Search packages' }).fill('')
  await page.getByLabel('Layer', { exact: true }).selectOption('3')
  await expect.poll(() => query(page)).toEqual({ tab: ['components'], layerIndex: ['3'] })
  await expect(page.getByText('1–16 of 16')).toBeVisible()
  await packages.getByRole('button', { name: 'Package' }).click()
  // Name sorts A→Z first; the tab's default is worst first (desc), so the order is written too.
  await expect.poll(() => query(page)).toEqual({ tab: ['components'], layerIndex: ['3'], sortBy: ['name'], sortOrder: ['asc'] })
  await expect(packages).toHaveAttribute('aria-busy', 'false')
  const names = () => bodyRows(packages).evaluateAll((rows) => rows.map((r) => r.querySelector('td span span')?.textContent?.toLowerCase() ?? ''))
  await expect.poll(async () => (await names())[0]).toBe('axios')
  expect(await names()).toEqual([...(await names())].sort())
  expect(await names()).toContain('express')

  await tabs.getByRole('tab', { name: /^Layers/ }).click()
  await expect.poll(() => query(page)).toEqual({ tab: ['layers'] })
  const layers = table(page, 'Layers')
  await expect(bodyRows(layers)).toHaveCount(9)
  const npm = bodyRows(layers).nth(3)
  await expect(await cellIn(layers, npm, 'Instruction')).toContainText('RUN')
  await expect(await cellIn(layers, npm, 'Instruction')).toContainText('npm ci --omit=dev')
  await expect(await cellIn(layers, npm, 'Packages')).toHaveText('16')
  await expect(await cellIn(layers, bodyRows(layers).nth(5), 'Instruction')).toContainText('COPY')
  await screenshot(page, testInfo, 'layers')
  await layers.getByRole('button', { name: 'Size' }).click()
  await expect.poll(() => query(page)).toEqual({ tab: ['layers'], sortBy: ['size'], sortOrder: ['desc'] })
  const report = await callApi(page.request, 'getImageReport', { scanTaskId })
  const largest = [...report.metadata.layers].sort((a, b) => b.size - a.size)[0]
  await expect(await cellIn(layers, bodyRows(layers).first(), 'Layer')).toHaveText(String(largest?.index))

  // A layer's findings link opens the vulnerabilities it added.
  await page.getByRole('link', { name: 'Show 6 vulnerabilities of layer 3' }).click()
  await expect.poll(() => query(page)).toEqual({ tab: ['vulnerabilities'], layerIndex: ['3'] })
  await expect.poll(() => vulnerabilityRows(page)).toEqual(await apiRows(page, scanTaskId, { layerIndex: 3 }))
})

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme })

    test('overview, components and layers pass axe', async ({ page }, testInfo) => {
      await shopAppReport(page)
      if (scheme === 'dark') await expect(page.locator('html')).toHaveClass(/(^|\s)dark(\s|$)/)
      await expect(page.getByRole('region', { name: 'CVSS v3 metrics' })).toBeVisible()
      await expectNoSeriousA11yViolations(page)
      if (scheme === 'dark') await screenshot(page, testInfo, 'overview-dark')
      const tabs = page.getByRole('tablist', { name: 'Report sections' })
      await tabs.getByRole('tab', { name: /^Components/ }).click()
      await expect(table(page, 'Components')).toHaveAttribute('aria-busy', 'false')
      await expectNoSeriousA11yViolations(page, { include: '[role="tabpanel"]' })
      await tabs.getByRole('tab', { name: /^Layers/ }).click()
      await expect(bodyRows(table(page, 'Layers'))).toHaveCount(9)
      await expectNoSeriousA11yViolations(page, { include: '[role="tabpanel"]' })
      // The vulnerabilities tab with a chart filter's chip and the switch on.
      await tabs.getByRole('tab', { name: /^Overview/ }).click()
      await page.getByRole('link', { name: 'Scope: Changed, 4 findings, filter' }).click()
      await page.getByRole('switch', { name: 'Fixable only' }).click()
      await expect(page.getByRole('switch', { name: 'Fixable only' })).toBeChecked()
      await expect(table(page, 'Vulnerabilities')).toHaveAttribute('aria-busy', 'false')
      await expectNoSeriousA11yViolations(page, { include: '[role="tabpanel"]' })
    })
  })
}
