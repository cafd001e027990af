import type { APIRequestContext, Page } from '@playwright/test'
import type { VulnException } from '@contract/exceptions'
import type { VulnerabilityItem } from '@contract/scans'
import { DEMO_INSTANCE_ID } from '../server/demo/demo-instance'
import { callApi, finishedScans, repositoryByName } from './support/api'
import { expect, expectNoSeriousA11yViolations, test } from './support/fixtures'
import { bodyRows, table } from './support/page-parts'
import { proxyAuthServer } from './support/proxy-auth-server'

/**
 * Exceptions need two people: one asks, another decides. The shared e2e server has
 * sign-in off (everyone is the loopback operator), so this file starts its own server
 * behind a "sign-in proxy": requests name their user and role in headers, proven by the
 * proxy secret. ada requests exceptions through the API; bob approves and denies them in
 * bulk on the page; ada's own attempt to approve is refused.
 */
const server = proxyAuthServer({ name: 'exceptions', portOffset: 2100 })

let ada: APIRequestContext
const requested: VulnException[] = []

test.use({ baseURL: server.origin, extraHTTPHeaders: server.as('bob', 'admin') })

test.beforeAll(async () => {
  test.setTimeout(180_000)
  await server.start()
  ada = await server.apiAs('ada', 'admin')
  // The demo instance's id is fixed (a fresh data directory creates it at boot); its scans are queued then too.
  await finishedScans(ada, DEMO_INSTANCE_ID)
  const shop = await repositoryByName(ada, DEMO_INSTANCE_ID, 'demo/shop-app')
  const task = await callApi(ada, 'getRepoTagScanStatus', { instanceId: DEMO_INSTANCE_ID, repoId: shop.repoId, tag: '1.0.0' })
  const findings = (await callApi(ada, 'listRepoTagScanResult', { scanTaskId: task.scanTaskId, pageSize: 4 })).items as VulnerabilityItem[]
  for (const f of findings) {
    const res = await ada.post('/api/v1/createVulnException', {
      data: {
        scanTaskId: task.scanTaskId,
        findings: [{ cveName: f.cveName, componentId: f.componentId }],
        kind: 'FALSE_POSITIVE',
        scope: 'DIGEST',
        reason: `Not reachable: ${f.feature} is only used at build time.`,
        justification: 'vulnerable_code_not_in_execute_path',
      },
    })
    expect(res.ok(), await res.text()).toBe(true)
    requested.push(...((await res.json()) as { items: VulnException[] }).items)
  }
})

test.afterAll(async () => {
  await ada.dispose()
  await server.stop()
})

const exceptionsTable = (page: Page) => table(page, 'Vulnerability exceptions')
const checkboxFor = (page: Page, e: VulnException) => page.getByRole('checkbox', { name: `Select ${e.cveName} in ${e.feature} ${e.version}` })

test('an approver approves and denies requests in bulk; the tabs and filters live in the URL', async ({ page }) => {
  const [first, second, third] = requested
  if (!first || !second || !third) throw new Error('requests missing')
  await page.goto('/exceptions')
  await expect(page.getByRole('heading', { level: 1, name: 'Exceptions' })).toBeVisible()
  await expect(page.getByRole('tab', { name: 'Pending' })).toHaveAttribute('aria-selected', 'true')
  await expect(bodyRows(exceptionsTable(page))).toHaveCount(requested.length)
  await expectNoSeriousA11yViolations(page)

  // A filter is part of the link: it survives a reload.
  await page.getByLabel('CVE (exact id)').fill(first.cveName)
  await expect(page).toHaveURL(new RegExp(`cveName=${first.cveName}`))
  await page.reload()
  await expect(checkboxFor(page, first)).toBeVisible()
  await expect(bodyRows(exceptionsTable(page))).toHaveCount(requested.filter((e) => e.cveName === first.cveName).length)
  await page.getByLabel('CVE (exact id)').fill('')
  await expect(page).not.toHaveURL(/cveName=/)
  await expect(bodyRows(exceptionsTable(page))).toHaveCount(requested.length)

  await checkboxFor(page, first).check()
  await checkboxFor(page, second).check()
  await expect(page.getByText('2 selected.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Approve selected' })).toBeDisabled()
  await page.getByLabel('Decision comment').fill('Checked the call graph: never reached.')
  await page.getByRole('button', { name: 'Approve selected' }).click()
  await expect(page.getByText('Approved 2 exceptions')).toBeVisible()
  await expect(bodyRows(exceptionsTable(page))).toHaveCount(requested.length - 2)

  await checkboxFor(page, third).check()
  await page.getByLabel('Decision comment').fill('Reachable through the upload handler.')
  await page.getByRole('button', { name: 'Deny selected' }).click()
  await expect(page.getByText('Denied 1 exception')).toBeVisible()
  await expect(bodyRows(exceptionsTable(page))).toHaveCount(requested.length - 3)

  await page.getByRole('tab', { name: 'Approved' }).click()
  await expect(page).toHaveURL(/tab=approved/)
  await expect(bodyRows(exceptionsTable(page))).toHaveCount(2)
  await expect(exceptionsTable(page).getByText('by bob')).toHaveCount(2)
  await expectNoSeriousA11yViolations(page)

  // The decision is in each exception's history, with bob as its actor.
  const detail = await callApi(ada, 'getVulnException', { exceptionId: first.exceptionId })
  expect(detail.history.map((h) => [h.action, h.actorName, h.comment])).toEqual([
    ['REQUESTED', 'ada', first.reason],
    ['APPROVED', 'bob', 'Checked the call graph: never reached.'],
  ])
})

test('the requester cannot approve their own request: the page says why and the request stays pending', async ({ browser }) => {
  const last = requested.at(-1)
  if (!last) throw new Error('requests missing')
  const context = await browser.newContext({ baseURL: server.origin, extraHTTPHeaders: server.as('ada', 'admin') })
  const page = await context.newPage()
  await page.goto('/exceptions')
  await checkboxFor(page, last).check()
  await page.getByLabel('Decision comment').fill('Mine, so fine.')
  await page.getByRole('button', { name: 'Approve selected' }).click()
  await expect(page.getByText('1 could not be approved')).toBeVisible()
  await expect(page.getByText(/cannot approve it: another approver must decide/)).toBeVisible()
  await expect(checkboxFor(page, last)).toBeChecked()
  expect((await callApi(ada, 'getVulnException', { exceptionId: last.exceptionId })).status).toBe('PENDING')
  await context.close()
})
