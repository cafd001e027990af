import type { APIRequestContext, Page } from '@playwright/test'
import type { VulnerabilityItem } from '@contract/scans'
import { callApi, finishedScans, readyDemoInstance, repositoryByName } from './support/api'
import { expect, expectNoSeriousA11yViolations, test } from './support/fixtures'
import {
  bodyRows,
  cellIn,
  expectVisibleFocus,
  rowLinkNames,
  rowWithLink,
  table,
  tabTo,
} from './support/page-parts'

/**
 * Scans: start one from a tag page, follow it to COMPLETE, read the real findings of
 * demo/shop-app (log4j-core 2.14.1 → Log4Shell), filter them through the URL, copy fix
 * commands, find the task in the scan tasks list; axe on the tasks page and every report
 * tab in both themes; and the whole path by keyboard.
 */

const REPO = 'demo/shop-app'
const TAG = '1.0.0'
const LOG4SHELL = 'CVE-2021-44228'

function query(page: Page): Record<string, string[]> {
  const params = new URL(page.url()).searchParams
  const out: Record<string, string[]> = {}
  for (const key of new Set(params.keys())) out[key] = params.getAll(key)
  return out
}

/** The demo instance, shop-app's repository, and the demo scans queued at boot, all finished. */
async function scannedDemo(request: APIRequestContext) {
  const demo = await readyDemoInstance(request)
  const repo = await repositoryByName(request, demo.instanceId, REPO)
  const tasks = await finishedScans(request, demo.instanceId)
  return { demo, repo, tasks }
}

/** The CVE ids of the vulnerabilities table, top to bottom, once it has settled. */
async function cves(page: Page): Promise<string[]> {
  const vulns = table(page, 'Vulnerabilities')
  await expect(vulns).toHaveAttribute('aria-busy', 'false')
  // Expanded rows add a details row of one cell: only rows with cells per column count.
  return bodyRows(vulns).evaluateAll((rows) =>
    rows
      .filter((row) => row.querySelectorAll('td').length > 1)
      .map((row) => row.querySelectorAll('td')[1]?.querySelector('a')?.firstChild?.textContent?.trim() ?? ''),
  )
}

async function apiCves(
  request: APIRequestContext,
  scanTaskId: string,
  filters: Record<string, string> = {},
): Promise<string[]> {
  const page = await callApi(request, 'listRepoTagScanResult', { scanTaskId, pageSize: 100, ...filters })
  return (page.items as VulnerabilityItem[]).map((v) => v.cveName)
}

/** The scan task id of the tag page's "Security report" once it is COMPLETE (its link then says "Open report"). */
async function completedScanId(page: Page): Promise<string> {
  const link = page
    .getByRole('region', { name: 'Security report' })
    .getByRole('link', { name: 'Open report' })
  await expect(link).toBeVisible()
  const href = await link.getAttribute('href')
  const id = /\/scans\/([0-9a-f-]{36})$/.exec(href ?? '')?.[1]
  expect(id, `report link ${href}`).toBeDefined()
  return id as string
}

test('a full scan started from the tag page runs to COMPLETE and its report shows the real findings', async ({
  page,
  context,
  request,
}) => {
  const { demo, repo, tasks } = await scannedDemo(request)
  const bootTask = tasks.find((t) => t.repoId === repo.repoId)
  expect(bootTask?.status).toBe('COMPLETE')
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])

  // The tag page: the boot scan is its latest, then Scan → full (SAS) → Start scan.
  await page.goto(`/instances/${demo.instanceId}/repositories/${repo.repoId}/tags/${TAG}`)
  await expect(page.getByRole('heading', { level: 1, name: TAG })).toBeVisible()
  expect(await completedScanId(page)).toBe(bootTask?.scanTaskId)
  await page.getByRole('button', { name: 'Scan', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: `Scan ${REPO}:${TAG}` })
  await dialog.getByRole('radio', { name: /Vulnerabilities, baseline and malicious files/ }).check()
  await dialog.getByRole('button', { name: 'Start scan' }).click()
  await expect(dialog).toBeHidden()

  // The status follows the new task until it is COMPLETE, every layer read.
  const report = page.getByRole('region', { name: 'Security report' })
  await expect.poll(() => completedScanId(page), { timeout: 30_000 }).not.toBe(bootTask?.scanTaskId)
  const scanTaskId = await completedScanId(page)
  const task = await callApi(request, 'getRepoTagScanStatus', { scanTaskId })
  expect(task).toMatchObject({ status: 'COMPLETE', scanService: 'SAS_SCAN_SERVICE', tag: TAG })
  await expect(
    report.getByText(`${task.progress.layersTotal} of ${task.progress.layersTotal} layers`),
  ).toBeVisible()
  await expect(report.getByText('Vulnerabilities, baseline and malicious files')).toBeVisible()

  // The report, pinned to the task.
  await report.getByRole('link', { name: 'Open report' }).click()
  await expect(page).toHaveURL(`/instances/${demo.instanceId}/scans/${scanTaskId}`)
  await expect(page.getByRole('heading', { level: 1, name: `${REPO}:${TAG}` })).toBeVisible()
  await expect(page.getByText(task.digest)).toBeVisible()
  const summary = await callApi(request, 'getRepoTagScanSummary', { scanTaskId })
  expect(summary.criticalSeverity).toBeGreaterThan(0)
  const summaryCard = page.getByRole('region', { name: 'Summary' })
  await expect(
    summaryCard.getByRole('term').filter({ hasText: 'Critical' }).locator('xpath=following-sibling::dd[1]'),
  ).toHaveText(String(summary.criticalSeverity))
  await expect(summaryCard.getByRole('figure', { name: 'Severity distribution' })).toContainText(
    `Severity distribution: ${summary.criticalSeverity} critical, ${summary.highSeverity} high`,
  )

  // The report opens on its Overview; the findings are on the Vulnerabilities tab.
  await expect(page.getByRole('tab', { name: /^Overview/ })).toHaveAttribute('aria-selected', 'true')
  await page.getByRole('tab', { name: /^Vulnerabilities/ }).click()
  await expect.poll(() => query(page)).toEqual({ tab: ['vulnerabilities'] })

  // Log4Shell in log4j-core 2.14.1: Critical, CVSS 10.0, fixed in 2.15.0, linked.
  const vulns = table(page, 'Vulnerabilities')
  await expect.poll(() => cves(page)).toEqual(await apiCves(request, scanTaskId))
  const log4shell = bodyRows(vulns)
    .filter({ has: page.getByRole('link', { name: new RegExp(`^${LOG4SHELL}`) }) })
    .filter({ hasText: 'log4j-core' })
  await expect(log4shell).toHaveCount(1)
  await expect(await cellIn(vulns, log4shell, 'Severity')).toHaveText('Critical')
  await expect(await cellIn(vulns, log4shell, 'CVSS')).toHaveText('10.0')
  await expect(await cellIn(vulns, log4shell, 'Installed')).toHaveText('2.14.1')
  await expect(await cellIn(vulns, log4shell, 'Fixed in')).toHaveText('2.15.0')
  await expect(log4shell.getByRole('link', { name: new RegExp(`^${LOG4SHELL}`) })).toHaveAttribute(
    'href',
    `https://nvd.nist.gov/vuln/detail/${LOG4SHELL}`,
  )

  // Its details: aliases and the CVSS v3.1 vector decoded.
  await log4shell.getByRole('button', { name: `Details of ${LOG4SHELL} in log4j-core` }).click()
  await expect(
    log4shell.getByRole('button', { name: `Details of ${LOG4SHELL} in log4j-core` }),
  ).toHaveAttribute('aria-expanded', 'true')
  const details = page.locator(
    `#${await log4shell.getByRole('button', { name: `Details of ${LOG4SHELL} in log4j-core` }).getAttribute('aria-controls')}`,
  )
  await expect(details).toContainText('GHSA-jfh8-c2jp-5v3q')
  await expect(details).toContainText('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H')
  await expect(
    details
      .getByRole('term')
      .filter({ hasText: /^Attack vector$/ })
      .locator('xpath=following-sibling::dd[1]'),
  ).toHaveText('Network (AV:N)')
  await expect(
    details
      .getByRole('term')
      .filter({ hasText: /^Scope$/ })
      .locator('xpath=following-sibling::dd[1]'),
  ).toHaveText('Changed (S:C)')

  // The row's fix command goes to the clipboard.
  await log4shell.getByRole('button', { name: `Copy fix command for ${LOG4SHELL} in log4j-core` }).click()
  await expect(log4shell.getByText('Copied')).toBeVisible()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    'update org.apache.logging.log4j:log4j-core to 2.15.0',
  )
  // Closing the details again leaves the view as it was before.
  await log4shell.getByRole('button', { name: `Details of ${LOG4SHELL} in log4j-core` }).click()
  await expect(
    log4shell.getByRole('button', { name: `Details of ${LOG4SHELL} in log4j-core` }),
  ).toHaveAttribute('aria-expanded', 'false')
  await expect.poll(() => query(page)).toEqual({ tab: ['vulnerabilities'] })

  // Severity filter: in the URL, and the rows are the server's for it.
  await page
    .getByRole('group', { name: 'Severity' })
    .getByRole('button', { name: /^Critical/ })
    .click()
  await expect.poll(() => query(page)).toEqual({ tab: ['vulnerabilities'], severity: ['Critical'] })
  await expect.poll(() => cves(page)).toEqual(await apiCves(request, scanTaskId, { severity: 'Critical' }))
  expect(await cves(page)).toHaveLength(summary.criticalSeverity)
  await expect(
    page.getByRole('group', { name: 'Severity' }).getByRole('button', { name: /^Critical/ }),
  ).toHaveAttribute('aria-pressed', 'true')

  // Package type: application dependencies (sca) on top of it, then OS packages (cve).
  await page.getByLabel('Package type').selectOption('sca')
  await expect.poll(() => query(page)).toEqual({ tab: ['vulnerabilities'], severity: ['Critical'], scanType: ['sca'] })
  await expect
    .poll(() => cves(page))
    .toEqual(await apiCves(request, scanTaskId, { severity: 'Critical', scanType: 'sca' }))
  expect(await cves(page)).toContain(LOG4SHELL)
  await page
    .getByRole('group', { name: 'Severity' })
    .getByRole('button', { name: /^Critical/ })
    .click()
  await page.getByLabel('Package type').selectOption('cve')
  await expect.poll(() => query(page)).toEqual({ tab: ['vulnerabilities'], scanType: ['cve'] })
  const osCves = await apiCves(request, scanTaskId, { scanType: 'cve' })
  await expect.poll(() => cves(page)).toEqual(osCves)
  expect(osCves).not.toContain(LOG4SHELL)

  // The search box is the API's vulQueryKey (CVE id, alias, package or description).
  const search = page.getByRole('searchbox', { name: 'Search vulnerabilities' })
  await search.fill('musl')
  await expect.poll(() => query(page)).toEqual({ tab: ['vulnerabilities'], scanType: ['cve'], vulQueryKey: ['musl'] })
  await expect.poll(() => cves(page)).toEqual(await apiCves(request, scanTaskId, { scanType: 'cve', vulQueryKey: 'musl' }))
  await search.fill('')
  await expect.poll(() => query(page)).toEqual({ tab: ['vulnerabilities'], scanType: ['cve'] })

  // "Copy fix commands" copies every distinct command of the filtered rows (filterValue=FixCmd).
  const fixCmds = await callApi(request, 'listRepoTagScanResult', {
    scanTaskId,
    scanType: 'cve',
    filterValue: 'FixCmd',
    pageSize: 100,
  })
  const expected = [...new Set(fixCmds.items.map((i) => i.fixCmd).filter((c): c is string => Boolean(c)))]
  await page.getByRole('button', { name: 'Copy fix commands' }).click()
  await expect(page.getByText(`Copied ${expected.length} command`)).toBeVisible()
  expect((await page.evaluate(() => navigator.clipboard.readText())).split('\n')).toEqual(expected)

  // Sort by CVSS, highest first: in the URL too; a reload keeps the whole view.
  await vulns.getByRole('button', { name: 'CVSS' }).click()
  // Highest first is CVSS's default order, so the URL leaves it out.
  await expect.poll(() => query(page)).toEqual({ tab: ['vulnerabilities'], scanType: ['cve'], sortBy: ['cvss'] })
  const sorted = await apiCves(request, scanTaskId, { scanType: 'cve', sortBy: 'cvss', sortOrder: 'desc' })
  await expect.poll(() => cves(page)).toEqual(sorted)
  await page.reload()
  await expect(page.getByRole('tab', { name: /^Vulnerabilities/ })).toHaveAttribute('aria-selected', 'true')
  await expect.poll(() => cves(page)).toEqual(sorted)
  await expect(page.getByLabel('Package type')).toHaveValue('cve')
  await expect(vulns.getByRole('columnheader', { name: 'CVSS' })).toHaveAttribute('aria-sort', 'descending')

  // The full scan's other findings: the demo plants the EICAR test file, a web shell, a
  // miner config and an Alibaba Cloud key in app/.env (shown masked).
  await page.getByRole('tab', { name: /^Malicious files/ }).click()
  await expect(page).toHaveURL(/[?&]tab=malicious/)
  const malicious = table(page, 'Malicious files')
  await expect(malicious).toContainText('app/uploads/eicar.com')
  await expect(malicious).toContainText('Eicar-Test-Signature')
  await expect(malicious).toContainText('app/public/shell.php')
  await page.getByRole('tab', { name: /^Baseline/ }).click()
  const baseline = table(page, 'Baseline risks')
  await expect(baseline).toContainText('ak_leak')
  await expect(baseline).toContainText('LTAI***')

  // The scan tasks page lists the task first (newest first), linking to this report.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scan tasks' }).click()
  await expect(page).toHaveURL(`/instances/${demo.instanceId}/scans`)
  const taskTable = table(page, 'Scan tasks')
  await expect.poll(async () => (await rowLinkNames(taskTable))[0]).toBe(`${REPO}:${TAG}`)
  const first = bodyRows(taskTable).first()
  await expect(await cellIn(taskTable, first, 'Status')).toHaveText(/Complete/)
  await expect(await cellIn(taskTable, first, 'Service')).toHaveText('Full (baseline + malware)')
  await expect(first.getByRole('link', { name: `${REPO}:${TAG}` })).toHaveAttribute(
    'href',
    `/instances/${demo.instanceId}/scans/${scanTaskId}`,
  )

  // Filter by status: in the URL, and a reload keeps it.
  await page.getByLabel('Status', { exact: true }).selectOption('FAILED')
  await expect.poll(() => query(page)).toEqual({ status: ['FAILED'] })
  await expect(page.getByText('No scan tasks match')).toBeVisible()
  await page.getByLabel('Status', { exact: true }).selectOption('COMPLETE')
  await expect.poll(() => query(page)).toEqual({ status: ['COMPLETE'] })
  const complete = await callApi(request, 'listScanTask', { instanceId: demo.instanceId, status: 'COMPLETE' })
  await expect
    .poll(() => rowLinkNames(taskTable))
    .toEqual(complete.items.map((t) => `${t.repository}:${t.tag}`))
  await page.reload()
  await expect(page.getByLabel('Status', { exact: true })).toHaveValue('COMPLETE')
  await expect
    .poll(() => rowLinkNames(taskTable))
    .toEqual(complete.items.map((t) => `${t.repository}:${t.tag}`))
})

test('the repository page shows each tag’s last scan and scans all tags', async ({ page, request }) => {
  const { demo, repo } = await scannedDemo(request)
  await page.goto(`/instances/${demo.instanceId}/repositories/${repo.repoId}`)
  const tags = table(page, 'Tags')
  const listed = await callApi(request, 'listRepoTag', { instanceId: demo.instanceId, repoId: repo.repoId })
  for (const tag of listed.items) {
    const cell = await cellIn(tags, rowWithLink(tags, tag.tag), 'Last scan')
    await expect(cell).toContainText(/Complete/)
    await expect(cell.getByRole('link')).toHaveAttribute(
      'href',
      `/instances/${demo.instanceId}/scans/${tag.lastScan?.scanTaskId}`,
    )
  }

  // Both tags point to one image: one new scan, the other tag shares it.
  await page.getByRole('button', { name: 'Scan all tags' }).click()
  const dialog = page.getByRole('dialog', { name: 'Scan all tags' })
  await dialog.getByRole('button', { name: 'Scan 2 tags' }).click()
  await expect(dialog.getByRole('status')).toContainText('1 scan queued')
  await expect(dialog.getByRole('status')).toContainText('2 tags: 1 new scan, 1 already running.')
  await dialog.getByRole('button', { name: 'Done' }).click()
  await expect(dialog).toBeHidden()
  // The table follows the new scan to its end.
  await finishedScans(request, demo.instanceId, 1)
  await expect
    .poll(async () =>
      (
        await callApi(request, 'listRepoTag', { instanceId: demo.instanceId, repoId: repo.repoId })
      ).items.every((t) => t.lastScan?.scanService === 'ACR_SCAN_SERVICE'),
    )
    .toBe(true)
  for (const tag of listed.items)
    await expect(await cellIn(tags, rowWithLink(tags, tag.tag), 'Last scan')).toContainText(/Complete/)
})

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme })

    test('scan tasks page and every report tab pass axe', async ({ page, request }) => {
      const { demo, repo, tasks } = await scannedDemo(request)
      const task = tasks.find((t) => t.repoId === repo.repoId && t.status === 'COMPLETE')
      expect(task).toBeDefined()

      await page.goto(`/instances/${demo.instanceId}/scans`)
      if (scheme === 'dark') await expect(page.locator('html')).toHaveClass(/(^|\s)dark(\s|$)/)
      await expect(page.getByRole('heading', { level: 1, name: 'Scan tasks' })).toBeVisible()
      await expect(table(page, 'Scan tasks')).toHaveAttribute('aria-busy', 'false')
      await expect(page).toHaveTitle('Scan tasks · demo · Layerscope')
      await expectNoSeriousA11yViolations(page)

      await page.goto(`/instances/${demo.instanceId}/scans/${task?.scanTaskId}`)
      await expect(
        page.getByRole('heading', { level: 1, name: `${task?.repository}:${task?.tag}` }),
      ).toBeVisible()
      await expect(page).toHaveTitle(`Report ${task?.repository}:${task?.tag} · demo · Layerscope`)
      const tabs = page.getByRole('tablist', { name: 'Report sections' })
      for (const [name, param, ready] of [
        [
          'Overview',
          undefined,
          async () => {
            const summary = page.getByRole('region', { name: 'Summary' })
            await expect(summary.getByRole('figure', { name: 'Severity distribution' })).toBeVisible()
            await expect(page.getByRole('figure', { name: 'Findings per layer' })).toBeVisible()
          },
        ],
        [
          'Vulnerabilities',
          'vulnerabilities',
          async () => {
            await expect(table(page, 'Vulnerabilities')).toHaveAttribute('aria-busy', 'false')
            // With a row's details open: the CVSS vectors and metric lists are checked too.
            await page.getByRole('button', { name: `Details of ${LOG4SHELL} in log4j-core` }).click()
            await expect(page.getByText('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H')).toBeVisible()
          },
        ],
        [
          'Baseline',
          'baseline',
          () => expect(table(page, 'Baseline risks')).toHaveAttribute('aria-busy', 'false'),
        ],
        [
          'Malicious files',
          'malicious',
          () => expect(table(page, 'Malicious files')).toHaveAttribute('aria-busy', 'false'),
        ],
        ['Notes', 'notes', () => expect(page.getByRole('tabpanel', { name: /Notes/ })).toBeVisible()],
      ] as const) {
        await tabs.getByRole('tab', { name: new RegExp(`^${name}`) }).click()
        await expect(tabs.getByRole('tab', { name: new RegExp(`^${name}`) })).toHaveAttribute(
          'aria-selected',
          'true',
        )
        await expect.poll(() => new URL(page.url()).searchParams.get('tab') ?? undefined).toBe(param)
        await ready()
        // The first tab is checked with the whole page; the others change only the panel.
        await expectNoSeriousA11yViolations(page, param === undefined ? {} : { include: '[role="tabpanel"]' })
      }
    })
  })
}

test('start a scan and reach its report by keyboard alone', async ({ page, request }) => {
  const { demo, repo } = await scannedDemo(request)
  await page.goto(`/instances/${demo.instanceId}/repositories/${repo.repoId}/tags/${TAG}`)
  await expect(page.getByRole('heading', { level: 1, name: TAG })).toBeVisible()
  const before = await completedScanId(page)

  const scan = page.getByRole('button', { name: 'Scan', exact: true })
  await tabTo(page, scan)
  await expectVisibleFocus(scan)
  await page.keyboard.press('Enter')

  // The dialog opens on the selected service; the arrow key picks the full scan.
  const dialog = page.getByRole('dialog', { name: `Scan ${REPO}:${TAG}` })
  const vulnerabilitiesOnly = dialog.getByRole('radio', { name: /^Vulnerabilities OS packages/ })
  await expect(vulnerabilitiesOnly).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(
    dialog.getByRole('radio', { name: /Vulnerabilities, baseline and malicious files/ }),
  ).toBeChecked()
  const start = dialog.getByRole('button', { name: 'Start scan' })
  await tabTo(page, start, 5)
  await expectVisibleFocus(start)
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  // Focus goes back to the button that opened the dialog.
  await expect(scan).toBeFocused()

  await expect.poll(() => completedScanId(page), { timeout: 30_000 }).not.toBe(before)
  const scanTaskId = await completedScanId(page)
  const open = page
    .getByRole('region', { name: 'Security report' })
    .getByRole('link', { name: 'Open report' })
  await tabTo(page, open)
  await expectVisibleFocus(open)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(`/instances/${demo.instanceId}/scans/${scanTaskId}`)
  await expect(page.getByRole('heading', { level: 1, name: `${REPO}:${TAG}` })).toBeVisible()

  // The tabs are one stop; arrows move between them and the URL follows.
  const overviewTab = page.getByRole('tab', { name: /^Overview/ })
  const vulnerabilitiesTab = page.getByRole('tab', { name: /^Vulnerabilities/ })
  await tabTo(page, overviewTab)
  await expectVisibleFocus(overviewTab)
  await page.keyboard.press('ArrowRight')
  await expect(vulnerabilitiesTab).toBeFocused()
  await expect(page).toHaveURL(/\?tab=vulnerabilities$/)
  await page.keyboard.press('End')
  await expect(page.getByRole('tab', { name: /^Notes/ })).toHaveAttribute('aria-selected', 'true')
  await expect(page).toHaveURL(/\?tab=notes$/)
  await page.keyboard.press('Home')
  await expect(overviewTab).toHaveAttribute('aria-selected', 'true')
  await expect(page).toHaveURL(`/instances/${demo.instanceId}/scans/${scanTaskId}`)
  await page.keyboard.press('ArrowRight')
  await expect(vulnerabilitiesTab).toHaveAttribute('aria-selected', 'true')
  await expect(page).toHaveURL(/\?tab=vulnerabilities$/)

  // A vulnerability's details open from the keyboard.
  const expand = page.getByRole('button', { name: `Details of ${LOG4SHELL} in log4j-core` })
  await tabTo(page, expand, 80)
  await expectVisibleFocus(expand)
  await page.keyboard.press('Enter')
  await expect(expand).toHaveAttribute('aria-expanded', 'true')
})
