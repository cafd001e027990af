import type { Page, TestInfo } from '@playwright/test'
import { callApi, finishedScans, readyDemoInstance, repositoryByName } from './support/api'
import { expect, expectNoSeriousA11yViolations, test } from './support/fixtures'
import { bodyRows, table } from './support/page-parts'

/**
 * The Baseline and Malicious files tabs of demo/shop-app's boot scan: each draws its
 * findings by level and by category or type above its table, and a bar (by mouse) or the
 * link under the chart (by keyboard) sets that filter in the URL and the table lists its
 * rows, as many as the chart says; the active filter's link is marked current and its bar
 * outlined. axe passes in both themes. The compare page, which
 * shows only the scan's header, never asks for the whole report.
 */

const REPO = 'demo/shop-app'

function query(page: Page): Record<string, string[]> {
  const params = new URL(page.url()).searchParams
  const out: Record<string, string[]> = {}
  for (const key of new Set(params.keys())) out[key] = params.getAll(key)
  return out
}

async function shopAppScan(page: Page) {
  const demo = await readyDemoInstance(page.request)
  const repo = await repositoryByName(page.request, demo.instanceId, REPO)
  const tasks = await finishedScans(page.request, demo.instanceId)
  const task = tasks.find((t) => t.repoId === repo.repoId && t.status === 'COMPLETE')
  expect(task, 'the boot scan of shop-app').toBeDefined()
  return { instanceId: demo.instanceId, scanTaskId: task?.scanTaskId ?? '' }
}

/** The level badge of every row, once the table has settled. */
async function rowLevels(page: Page, caption: string): Promise<string[]> {
  const rows = table(page, caption)
  await expect(rows).toHaveAttribute('aria-busy', 'false')
  return bodyRows(rows).evaluateAll((trs) => trs.map((tr) => tr.querySelector('td')?.textContent?.trim().toLowerCase() ?? ''))
}

async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`)
  await page.screenshot({ path, fullPage: true })
  await testInfo.attach(name, { path, contentType: 'image/png' })
}

test('a bar of the baseline and of the malicious-files chart filters its table and the URL', async ({ page }, testInfo) => {
  const { instanceId, scanTaskId } = await shopAppScan(page)
  const overview = await callApi(page.request, 'getScanOverview', { scanTaskId })
  expect(overview.baselineCounts).toEqual({ total: 8, high: 4, medium: 3, low: 1 })
  expect(overview.maliciousCounts).toEqual({ total: 3, serious: 2, suspicious: 0, remind: 1 })

  await page.goto(`/instances/${instanceId}/scans/${scanTaskId}?tab=baseline`)
  const baseline = page.getByRole('figure', { name: 'Baseline risks by level' })
  await expect(baseline).toContainText('Baseline risks by level: High 4, Medium 3, Low 1.')
  await expect(page.getByRole('figure', { name: 'Baseline risks by category' })).toBeVisible()
  const baselineLinks = page.getByRole('list', { name: 'Baseline risks by level filters' })
  await expect(baselineLinks.getByRole('link')).toHaveText(['High4', 'Medium3', 'Low1'])
  expect(await rowLevels(page, 'Baseline risks')).toHaveLength(8)
  await screenshot(page, testInfo, 'baseline')

  // The mouse: the first bar is High.
  await baseline.locator('.recharts-bar-rectangle').first().click()
  await expect.poll(() => query(page)).toEqual({ tab: ['baseline'], level: ['High'] })
  await expect.poll(() => rowLevels(page, 'Baseline risks')).toEqual(['high', 'high', 'high', 'high'])
  await expect(page.getByLabel('Level', { exact: true })).toHaveValue('High')
  // The active filter is marked: its link is the current one, its bar outlined, the others faded.
  await expect(baselineLinks.locator('[aria-current="true"]')).toHaveAccessibleName('Baseline risks: High, 4 risks, filter')
  const levelBars = baseline.locator('.recharts-bar-rectangle path')
  await expect(levelBars).toHaveCount(3)
  expect(await levelBars.evaluateAll((paths) => paths.map((p) => [p.getAttribute('fill-opacity'), p.hasAttribute('stroke')]))).toEqual([
    ['1', true],
    ['0.35', false],
    ['0.35', false],
  ])
  // The keyboard: the link under the chart names the bar, its count and what it does.
  const low = page.getByRole('link', { name: 'Baseline risks: Low, 1 risk, filter' })
  await low.focus()
  await page.keyboard.press('Enter')
  await expect.poll(() => query(page)).toEqual({ tab: ['baseline'], level: ['Low'] })
  await expect.poll(() => rowLevels(page, 'Baseline risks')).toEqual(['low'])
  await expect(baselineLinks.locator('[aria-current="true"]')).toHaveAccessibleName('Baseline risks: Low, 1 risk, filter')
  // The category chart: its biggest bar, by its link; the chip under the level removes it.
  const category = overview.baselineCategories?.[0]
  expect(category?.count).toBeGreaterThan(1)
  await page.getByRole('link', { name: `Baseline risks by category: ${category?.category}, ${category?.count} risks, filter` }).click()
  await expect.poll(() => query(page)).toEqual({ tab: ['baseline'], category: [category?.category ?? ''] })
  await expect.poll(() => rowLevels(page, 'Baseline risks')).toHaveLength(category?.count ?? -1)
  const rows = await callApi(page.request, 'listScanBaselineByTask', { scanTaskId, category: category?.category })
  expect(rows.totalCount).toBe(category?.count)
  await expect(page.getByRole('list', { name: 'Baseline risks by category filters' }).locator('[aria-current="true"]')).toHaveAccessibleName(
    `Baseline risks by category: ${category?.category}, ${category?.count} risks, filter`,
  )
  await expect(baselineLinks.locator('[aria-current]')).toHaveCount(0)
  await page.getByRole('button', { name: `Remove filter Category: ${category?.category}` }).click()
  await expect.poll(() => query(page)).toEqual({ tab: ['baseline'] })
  await expect(page.getByRole('list', { name: 'Baseline risks by category filters' }).locator('[aria-current]')).toHaveCount(0)
  await expect.poll(() => rowLevels(page, 'Baseline risks')).toHaveLength(8)

  await page.getByRole('tablist', { name: 'Report sections' }).getByRole('tab', { name: /^Malicious files/ }).click()
  await expect.poll(() => query(page)).toEqual({ tab: ['malicious'] })
  const malicious = page.getByRole('figure', { name: 'Malicious files by level' })
  await expect(malicious).toContainText('Malicious files by level: Serious 2, Remind 1.')
  // A level with no file is plain text, not a link to an empty list.
  const maliciousLinks = page.getByRole('list', { name: 'Malicious files by level filters' })
  await expect(maliciousLinks.getByRole('link')).toHaveText(['Serious2', 'Remind1'])
  await expect(maliciousLinks.getByRole('listitem')).toHaveText(['Serious2', 'Suspicious0', 'Remind1'])
  expect(await rowLevels(page, 'Malicious files')).toHaveLength(3)
  await screenshot(page, testInfo, 'malicious')

  await malicious.locator('.recharts-bar-rectangle').first().click()
  await expect.poll(() => query(page)).toEqual({ tab: ['malicious'], level: ['serious'] })
  await expect.poll(() => rowLevels(page, 'Malicious files')).toEqual(['serious', 'serious'])
  await page.getByRole('link', { name: 'Malicious files: Remind, 1 file, filter' }).click()
  await expect.poll(() => query(page)).toEqual({ tab: ['malicious'], level: ['remind'] })
  await expect.poll(() => rowLevels(page, 'Malicious files')).toEqual(['remind'])
  await expect(bodyRows(table(page, 'Malicious files')).first()).toContainText('app/uploads/eicar.com')
  // The type chart: the EICAR test file is the only one of its type.
  await page.getByRole('link', { name: 'Malicious files by type: Test file, 1 file, filter' }).click()
  await expect.poll(() => query(page)).toEqual({ tab: ['malicious'], type: ['test-file'] })
  await expect.poll(() => rowLevels(page, 'Malicious files')).toEqual(['remind'])
  await expect(page.getByRole('list', { name: 'Active filters' })).toHaveText('Type: Test file×')
})

test('the compare page asks for the scan’s header, never its whole report', async ({ page }, testInfo) => {
  const { instanceId, scanTaskId } = await shopAppScan(page)
  const reports: string[] = []
  page.on('request', (req) => {
    if (req.url().includes('/getImageReport')) reports.push(new URL(req.url()).search)
  })
  await page.goto(`/instances/${instanceId}/scans/${scanTaskId}/compare`)
  await expect(page.getByRole('heading', { level: 1, name: `${REPO}:1.0.0` })).toBeVisible()
  expect(reports.length).toBeGreaterThan(0)
  for (const search of reports) expect(new URLSearchParams(search).get('components')).toBe('false')
  await screenshot(page, testInfo, 'compare')
})

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme })

    test('the baseline and malicious-files tabs with their charts pass axe', async ({ page }, testInfo) => {
      const { instanceId, scanTaskId } = await shopAppScan(page)
      // With a level filter on, so the active filter's link and bar are checked beside the others.
      for (const [tab, level, figure, caption] of [
        ['baseline', 'High', 'Baseline risks by level', 'Baseline risks'],
        ['malicious', 'serious', 'Malicious files by level', 'Malicious files'],
      ] as const) {
        await page.goto(`/instances/${instanceId}/scans/${scanTaskId}?tab=${tab}&level=${level}`)
        await expect(page.getByRole('list', { name: `${figure} filters` }).locator('[aria-current="true"]')).toHaveCount(1)
        if (scheme === 'dark') await expect(page.locator('html')).toHaveClass(/(^|\s)dark(\s|$)/)
        await expect(page.getByRole('figure', { name: figure }).locator('.recharts-bar-rectangle').first()).toBeVisible()
        await expect(table(page, caption)).toHaveAttribute('aria-busy', 'false')
        await expectNoSeriousA11yViolations(page)
        if (scheme === 'dark') await screenshot(page, testInfo, `${tab}-dark`)
      }
    })
  })
}
