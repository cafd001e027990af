import { request as playwrightRequest, type APIRequestContext, type Browser, type Locator, type Page } from '@playwright/test'
import type { Role } from '@contract/auth'
import type { VulnException } from '@contract/exceptions'
import { DEMO_INSTANCE_ID } from '../server/demo/demo-instance'
import { callApi, finishedScans, repositoryByName } from './support/api'
import { expect, expectNoSeriousA11yViolations, test } from './support/fixtures'
import { bodyRows, table, tabTo } from './support/page-parts'
import { proxyAuthServer } from './support/proxy-auth-server'

/**
 * The whole life of one deferral, from the report: ada (operator) requests it from the
 * expanded row with the keyboard, bob (approver) approves it on the Exceptions page, the
 * finding leaves ada's counts, and when the server's clock passes its end the sweep
 * expires it and the finding is observed again. Like exceptions.spec.ts this file starts
 * its own server behind a sign-in proxy (two people); that server also loads
 * support/shifted-clock.ts, so the test moves its clock by writing a file: no hook in the
 * product. TRIGGER_CHECK_SECONDS (server/env.ts) makes the sweep run every second.
 */
const server = proxyAuthServer({
  name: 'exception-journey',
  portOffset: 2200,
  env: { TRIGGER_CHECK_SECONDS: '1' },
  shiftedClock: true,
  readyTimeoutMs: 120_000,
})
const DAY_MS = 24 * 60 * 60 * 1000
const LOG4SHELL = 'CVE-2021-44228'

// Unset when the server did not start; afterAll still stops it and removes its files.
let api: APIRequestContext | undefined
let scanTaskId = ''

test.beforeAll(async () => {
  test.setTimeout(180_000)
  await server.start()
  // Reads only (GET), so no CSRF token is needed.
  api = await playwrightRequest.newContext({ baseURL: server.origin, extraHTTPHeaders: server.as('auditor', 'viewer') })
  await finishedScans(api, DEMO_INSTANCE_ID)
  const shop = await repositoryByName(api, DEMO_INSTANCE_ID, 'demo/shop-app')
  scanTaskId = (await callApi(reader(), 'getRepoTagScanStatus', { instanceId: DEMO_INSTANCE_ID, repoId: shop.repoId, tag: '1.0.0' })).scanTaskId
})

test.afterAll(async () => {
  await api?.dispose()
  await server.stop()
})

/** The viewer's API client; the tests run only once beforeAll made it. */
function reader(): APIRequestContext {
  if (!api) throw new Error('the server did not start')
  return api
}

async function pageAs(browser: Browser, user: string, role: Role): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.origin, extraHTTPHeaders: server.as(user, role) })
  return context.newPage()
}

const vulnerabilities = (page: Page) => table(page, 'Vulnerabilities')
const log4shellRow = (page: Page) =>
  bodyRows(vulnerabilities(page))
    .filter({ has: page.getByRole('link', { name: new RegExp(`^${LOG4SHELL}`) }) })
    .filter({ hasText: 'log4j-core' })
// The expanded row's content (VulnerabilityDetails' id is vuln-detail-<row id>).
const EXPANDED_ROW = '[id^="vuln-detail-"]'
const historyIn = (panel: Locator) => panel.getByRole('list', { name: 'Exceptions' })
const exceptionsPanel = (page: Page) => page.getByRole('region', { name: `Exceptions of ${LOG4SHELL} in log4j-core` })

/** Opens the report's Vulnerabilities tab and expands Log4Shell's row; returns its exceptions panel. */
async function openLog4Shell(page: Page, query = ''): Promise<Locator> {
  await page.goto(`/instances/${DEMO_INSTANCE_ID}/scans/${scanTaskId}?tab=vulnerabilities${query}`)
  await expect(vulnerabilities(page)).toHaveAttribute('aria-busy', 'false')
  await log4shellRow(page).getByRole('button', { name: `Details of ${LOG4SHELL} in log4j-core` }).click()
  await expect(exceptionsPanel(page)).toBeVisible()
  return exceptionsPanel(page)
}

async function log4shellException(): Promise<VulnException> {
  const page = await callApi(reader(), 'listVulnException', { instanceId: DEMO_INSTANCE_ID, cveName: LOG4SHELL })
  const [only, ...rest] = page.items.filter((e) => e.feature === 'log4j-core')
  expect(rest).toEqual([])
  if (!only) throw new Error('no exception for Log4Shell')
  return only
}

test('a deferral is requested from the report, approved, hides the finding, and expires when the clock passes its end', async ({ browser }) => {
  test.setTimeout(180_000)
  const ada = await pageAs(browser, 'ada', 'operator')

  // Nothing asked yet: the finding is observed and has no history.
  let panel = await openLog4Shell(ada)
  await expect(panel.getByText('State:')).toContainText('Observed')
  await expect(panel.getByText('No exception has been requested for this finding.')).toBeVisible()
  await expectNoSeriousA11yViolations(ada, { include: EXPANDED_ROW })

  // Escape closes the dialog and gives focus back to the button that opened it.
  const requestButton = panel.getByRole('button', { name: 'Request exception' })
  await requestButton.click()
  const dialog = ada.getByRole('dialog', { name: 'Request exception' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('radio', { name: /^Deferral/ })).toBeFocused()
  await ada.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(requestButton).toBeFocused()

  // The request, with the keyboard only: open, send without a reason (the server says what is missing), then with one.
  await ada.keyboard.press('Enter')
  await expect(dialog).toBeVisible()
  await expectNoSeriousA11yViolations(ada, { include: 'dialog[open]' })
  await expect(dialog.getByLabel('Expires')).toHaveValue('THIRTY_DAYS')
  const submit = dialog.getByRole('button', { name: 'Request exception' })
  await tabTo(ada, submit, 20)
  await ada.keyboard.press('Enter')
  const reason = dialog.getByRole('textbox', { name: 'Reason' })
  await expect(reason).toHaveAccessibleDescription(/is required/)
  await expect(reason).toBeFocused()
  await expect(dialog.getByRole('alert')).toContainText('correct the fields marked below')
  await expectNoSeriousA11yViolations(ada, { include: 'dialog[open]' })
  await ada.keyboard.type('Only the SPA bundle uses log4j-core; JNDI lookups are disabled by the runtime flags.')
  await tabTo(ada, submit, 20)
  await ada.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  await expect(ada.getByText('Requested an exception')).toBeVisible()
  await expect(panel.getByText('1 pending')).toBeVisible()
  await expect(historyIn(panel).getByRole('listitem').first()).toContainText('Deferral (30 days)')
  await expect(historyIn(panel).getByRole('listitem').first()).toContainText('Pending')
  await expect(historyIn(panel).getByText(/Requested\s+by ada/)).toBeVisible()
  const requested = await log4shellException()
  expect(requested).toMatchObject({ status: 'PENDING', kind: 'DEFERRAL', expiry: 'THIRTY_DAYS', scope: 'DIGEST', requestedBy: { name: 'ada' } })

  // bob approves it on the Exceptions page.
  const bob = await pageAs(browser, 'bob', 'approver')
  await bob.goto('/exceptions')
  await bob.getByRole('checkbox', { name: `Select ${LOG4SHELL} in log4j-core ${requested.version}` }).check()
  await bob.getByLabel('Decision comment').fill('Agreed for one sprint; the upgrade is planned.')
  await bob.getByRole('button', { name: 'Approve selected' }).click()
  await expect(bob.getByText('Approved 1 exception')).toBeVisible()

  // ada's report no longer lists it, and says one finding is hidden; the switch shows it, marked.
  await ada.goto(`/instances/${DEMO_INSTANCE_ID}/scans/${scanTaskId}?tab=vulnerabilities`)
  await expect(vulnerabilities(ada)).toHaveAttribute('aria-busy', 'false')
  await expect(ada.getByText('1 finding hidden by exceptions')).toBeVisible()
  await expect(log4shellRow(ada)).toHaveCount(0)
  expect((await callApi(reader(), 'getRepoTagScanSummary', { scanTaskId })).snoozedCount).toBe(1)
  // The switch is controlled by the URL, which commits after the click: click, then wait for the URL
  // (`check()` reads the state right after its click and can see the old value).
  const snoozedSwitch = ada.getByRole('switch', { name: 'Show findings under exception' })
  await snoozedSwitch.click()
  await expect(ada).toHaveURL(/includeSnoozed=true/)
  await expect(snoozedSwitch).toBeChecked()
  await expect(log4shellRow(ada).getByText('Deferred', { exact: true })).toBeVisible()
  panel = await openLog4Shell(ada, '&includeSnoozed=true')
  await expect(panel.getByText('State:')).toContainText('Deferred')
  await expect(historyIn(panel).getByRole('listitem').first()).toContainText('Approved')
  await expect(panel.getByText(/Approved\s+by bob/)).toBeVisible()
  await expect(panel.getByText('Agreed for one sprint; the upgrade is planned.')).toBeVisible()
  await expectNoSeriousA11yViolations(ada, { include: EXPANDED_ROW })

  // 31 days later (server clock only), the sweep has expired the deferral: the finding is observed again.
  await server.setClockOffset(31 * DAY_MS)
  await expect.poll(async () => (await log4shellException()).status, { timeout: 20_000 }).toBe('EXPIRED')
  panel = await openLog4Shell(ada)
  await expect(panel.getByText('State:')).toContainText('Observed')
  await expect(historyIn(panel).getByRole('listitem').first()).toContainText('Expired')
  await expect(panel.getByText(/Expired\s+by Layerscope/)).toBeVisible()
  await expect(panel.getByText(/The deferral ended on/)).toBeVisible()
  await expect(ada.getByText(/hidden by exceptions/)).toHaveCount(0)
})

test('findings picked with the keyboard are requested together; a viewer is not offered the action', async ({ browser }) => {
  const ada = await pageAs(browser, 'ada', 'operator')
  await ada.goto(`/instances/${DEMO_INSTANCE_ID}/scans/${scanTaskId}?tab=vulnerabilities`)
  await expect(vulnerabilities(ada)).toHaveAttribute('aria-busy', 'false')
  const boxes = vulnerabilities(ada).getByRole('checkbox', { name: /^Select / })
  await expect(boxes.nth(2)).toBeVisible()
  const names = [await boxes.nth(1).getAttribute('aria-label'), await boxes.nth(2).getAttribute('aria-label')]
  for (const i of [1, 2]) {
    await boxes.nth(i).focus()
    await ada.keyboard.press('Space')
    await expect(boxes.nth(i)).toBeChecked()
  }
  const bar = ada.getByRole('region', { name: 'Selected findings' })
  await expect(bar.getByRole('status')).toHaveText('2 selected')
  await bar.getByRole('button', { name: 'Request exception' }).click()
  const dialog = ada.getByRole('dialog', { name: 'Request exception' })
  await expect(dialog).toContainText('For 2 findings')
  await dialog.getByRole('radio', { name: /^False positive/ }).check()
  await expect(dialog.getByLabel('Expires')).toHaveCount(0)
  await dialog.getByRole('radio', { name: 'Every tag of this repository' }).check()
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('These packages are only in the build stage.')
  await dialog.getByLabel('VEX justification').selectOption('component_not_present')
  await dialog.getByRole('button', { name: 'Request exception' }).click()
  await expect(dialog).toBeHidden()
  await expect(ada.getByText('Requested 2 exceptions')).toBeVisible()
  await expect(bar.getByRole('status')).toHaveText(/Select findings/)

  const pending = (await callApi(reader(), 'listVulnException', { instanceId: DEMO_INSTANCE_ID, status: 'PENDING' })).items
  expect(pending.map((e) => `Select ${e.cveName} in ${e.feature} ${e.version}`).sort()).toEqual([...names].sort())
  expect(pending.every((e) => e.kind === 'FALSE_POSITIVE' && e.scope === 'REPOSITORY' && e.justification === 'component_not_present')).toBe(true)

  const viewer = await pageAs(browser, 'vera', 'viewer')
  await viewer.goto(`/instances/${DEMO_INSTANCE_ID}/scans/${scanTaskId}?tab=vulnerabilities`)
  await expect(vulnerabilities(viewer)).toHaveAttribute('aria-busy', 'false')
  await expect(vulnerabilities(viewer).getByRole('checkbox')).toHaveCount(0)
  await expect(viewer.getByRole('region', { name: 'Selected findings' })).toHaveCount(0)
  await bodyRows(vulnerabilities(viewer)).first().getByRole('button', { name: /^Details of / }).click()
  await expect(viewer.getByRole('region', { name: /^Exceptions of / })).toBeVisible()
  await expect(viewer.getByRole('button', { name: 'Request exception' })).toHaveCount(0)
})
