import type { APIRequestContext, Page } from '@playwright/test'
import type { VulnerabilityItem } from '@contract/scans'
import { callApi, finishedScans, readyDemoInstance, repositoryByName } from './support/api'
import { expect, expectNoSeriousA11yViolations, test } from './support/fixtures'
import { bodyRows, table } from './support/page-parts'

/**
 * The report as a shared link and as files: a link with filters opens the same rows, the
 * CSV and JSON exports hold exactly the rows the table shows, and the keyboard shortcuts
 * move, expand and copy the view.
 */

const REPO = 'demo/shop-app'

async function shopReport(request: APIRequestContext) {
  const demo = await readyDemoInstance(request)
  const repo = await repositoryByName(request, demo.instanceId, REPO)
  const tasks = await finishedScans(request, demo.instanceId)
  const task = tasks.find((t) => t.repoId === repo.repoId)
  if (!task) throw new Error('no scan of demo/shop-app')
  return { demo, repo, task, path: `/instances/${demo.instanceId}/scans/${task.scanTaskId}` }
}

/** `CVE package` of each row of the vulnerabilities table, top to bottom, once it has settled. */
async function tableRows(page: Page): Promise<string[]> {
  const vulns = table(page, 'Vulnerabilities')
  await expect(vulns).toHaveAttribute('aria-busy', 'false')
  return bodyRows(vulns).evaluateAll((rows) =>
    rows
      .filter((row) => row.querySelectorAll('td').length > 1)
      .map((row) => {
        const cells = row.querySelectorAll('td')
        const cve = cells[1]?.querySelector('a')?.firstChild?.textContent?.trim() ?? ''
        const pkg = cells[4]?.querySelector('span span')?.textContent?.trim() ?? ''
        return `${cve} ${pkg}`
      }),
  )
}

const FILTERED = 'tab=vulnerabilities&severity=Critical&severity=High&sortBy=package&sortOrder=asc'

test('a shared link with filters opens the same rows, and the exports hold exactly those rows', async ({ page, request }) => {
  const { task, path } = await shopReport(request)
  const api = await callApi(request, 'listRepoTagScanResult', { scanTaskId: task.scanTaskId, severity: 'Critical,High', sortBy: 'package', sortOrder: 'asc', pageSize: 100 })
  const expected = (api.items as VulnerabilityItem[]).map((v) => `${v.cveName} ${v.feature}`)
  expect(expected.length).toBeGreaterThan(3)

  await page.goto(`${path}?${FILTERED}`)
  expect(await tableRows(page)).toEqual(expected)

  // The menu's links carry the view's filters and sort.
  await page.getByRole('button', { name: 'Export' }).click()
  const csvLink = page.getByRole('link', { name: /Vulnerabilities \(CSV\)/ })
  await expect(csvLink).toContainText('current filters')
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), csvLink.click()])
  expect(csvDownload.suggestedFilename()).toMatch(/^demo_shop-app_1\.0\.0_sha256-[0-9a-f]{12}_vulnerabilities\.csv$/)
  const csv = await (await request.get(csvDownload.url())).text()
  const csvRows = csv.trim().split('\r\n').slice(1).map((line) => line.split(','))
  expect(csvRows.map((r) => `${r[0]} ${r[3]}`)).toEqual(expected)

  await page.getByRole('button', { name: 'Export' }).click()
  const jsonHref = await page.getByRole('link', { name: /Vulnerabilities \(JSON\)/ }).getAttribute('href')
  const json = (await (await request.get(jsonHref ?? '')).json()) as { items: VulnerabilityItem[] }
  expect(json.items.map((v) => `${v.cveName} ${v.feature}`)).toEqual(expected)
  await page.keyboard.press('Escape')
  await expect(page.getByRole('link', { name: /Vulnerabilities \(JSON\)/ })).toBeHidden()

  // The documents of the scan download as files too.
  await page.getByRole('button', { name: 'Export' }).click()
  const sbomHref = await page.getByRole('link', { name: 'SBOM (CycloneDX 1.6) packages' }).getAttribute('href')
  const sbom = await request.get(sbomHref ?? '')
  expect(sbom.status()).toBe(200)
  expect(((await sbom.json()) as { bomFormat: string }).bomFormat).toBe('CycloneDX')
  await expectNoSeriousA11yViolations(page)
})

test('keyboard: / searches, j and k move, Enter expands into the URL, c copies the view, ? lists the shortcuts', async ({ page, context, request }) => {
  const { path } = await shopReport(request)
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.goto(`${path}?tab=vulnerabilities`)
  const vulns = table(page, 'Vulnerabilities')
  await expect(vulns).toHaveAttribute('aria-busy', 'false')

  await page.keyboard.press('/')
  const search = page.getByRole('searchbox', { name: 'Search vulnerabilities' })
  await expect(search).toBeFocused()
  // Typed into the box, j is text, not a shortcut.
  await page.keyboard.type('jinja')
  await expect(search).toHaveValue('jinja')
  await expect.poll(() => new URL(page.url()).searchParams.get('vulQueryKey')).toBe('jinja')
  await expect.poll(async () => (await tableRows(page)).length).toBe(2)
  // Leave the box (Escape would clear a search field): the shortcuts are live again.
  await page.locator('body').click({ position: { x: 2, y: 2 } })

  await page.keyboard.press('j')
  const first = bodyRows(vulns).nth(0).getByRole('button', { name: /^Details of / })
  await expect(first).toBeFocused()
  await page.keyboard.press('j')
  const second = bodyRows(vulns).nth(1).getByRole('button', { name: /^Details of / })
  await expect(second).toBeFocused()
  await page.keyboard.press('k')
  await expect(first).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(first).toHaveAttribute('aria-expanded', 'true')
  await expect.poll(() => new URL(page.url()).searchParams.getAll('expanded').length).toBe(1)

  await page.keyboard.press('c')
  await expect(page.getByText('Link copied')).toBeVisible()
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  expect(copied).toBe(page.url())

  // The copied link reopens the same view: search, and the same row open.
  const other = await context.newPage()
  await other.goto(copied)
  await expect(table(other, 'Vulnerabilities').getByRole('button', { name: /^Details of / }).first()).toHaveAttribute('aria-expanded', 'true')
  await expect(other.getByRole('searchbox', { name: 'Search vulnerabilities' })).toHaveValue('jinja')
  await other.close()

  await page.keyboard.press('?')
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByText('Copy a link to this view')).toBeVisible()
  await expectNoSeriousA11yViolations(page)
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
})
