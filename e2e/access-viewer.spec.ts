import type { APIRequestContext, Page } from '@playwright/test'
import { DEMO_INSTANCE_ID } from '../server/demo/demo-instance'
import { callApi, readyDemoInstance, repositoryByName } from './support/api'
import { expect, expectNoSeriousA11yViolations, test } from './support/fixtures'
import { proxyAuthServer } from './support/proxy-auth-server'

/**
 * A viewer opens, by URL, every page that changes something: a page whose purpose is a
 * form (a new or edited scan rule, the tokens) or that only admins may read (the audit
 * log) says "You need access" — who they are, the role it needs, a way back — and never
 * shows the form; pages a viewer may read offer no action the role cannot take. The
 * server sits behind a "sign-in proxy" (user and role in headers, proven by the secret),
 * so a viewer and an admin need no tokens.
 */
const server = proxyAuthServer({
  name: 'access',
  portOffset: 2300,
  // Nothing here needs a finished scan: the demo's queued scans can wait.
  env: { SCAN_WORKERS: '0' },
})
let admin: APIRequestContext
const ids = { instanceId: DEMO_INSTANCE_ID, repoId: '', scanRuleId: '' }

test.use({ baseURL: server.origin, extraHTTPHeaders: server.as('vic', 'viewer') })

test.beforeAll(async () => {
  test.setTimeout(180_000)
  await server.start()
  admin = await server.apiAs('ada', 'admin')
  await readyDemoInstance(admin)
  ids.repoId = (await repositoryByName(admin, DEMO_INSTANCE_ID, 'demo/shop-app')).repoId
  ids.scanRuleId = (
    await callApi(admin, 'createScanRule', {
      instanceId: DEMO_INSTANCE_ID,
      ruleName: 'nightly',
      scanScope: 'INSTANCE',
      triggerType: 'MANUAL',
      repoTagFilterPattern: '.*',
    })
  ).scanRuleId
})

test.afterAll(async () => {
  await admin.dispose()
  await server.stop()
})

const rules = () => `/instances/${ids.instanceId}/rules`
const rule = () => `${rules()}/${ids.scanRuleId}`

/** The pages a viewer may not use, what each says it needs, and where its way back leads. */
const deniedPages = [
  {
    what: 'a new scan rule',
    path: () => `${rules()}/new`,
    needs: 'Creating scan rules needs the operator role',
    back: 'Back to scan rules',
    leadsTo: rules,
  },
  {
    what: 'a rule’s edit form',
    path: () => `${rule()}/edit`,
    needs: 'Editing scan rules needs the operator role',
    back: 'Back to the rule',
    leadsTo: rule,
  },
  {
    what: 'the API tokens',
    path: () => '/admin/tokens',
    needs: 'Seeing the API tokens needs the admin role',
    back: 'Go to instances',
    leadsTo: () => '/instances',
  },
  {
    what: 'the audit log',
    path: () => '/audit?action=createScanRule',
    needs: 'Seeing the audit log needs the admin role',
    back: 'Go to instances',
    leadsTo: () => '/instances',
  },
] as const

async function expectNoForm(page: Page) {
  await expect(page.locator('form')).toHaveCount(0)
  await expect(page.getByRole('textbox')).toHaveCount(0)
  await expect(page.getByRole('button', { name: /^(Create|Save)/ })).toHaveCount(0)
}

for (const p of deniedPages) {
  test(`a viewer opening ${p.what} by URL sees "You need access", not the form`, async ({ page }) => {
    await page.goto(p.path())
    const denied = page.getByRole('region', { name: 'You need access' })
    await expect(denied).toBeVisible()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You need access')
    await expect(page).toHaveTitle(/^You need access/)
    await expect(denied).toContainText('You are signed in as vic (Viewer).')
    await expect(denied).toContainText(p.needs)
    // The address stays: whoever gets the role later opens the same link.
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(p.path())
    await expectNoForm(page)
    if (p.what === 'a new scan rule') await expectNoSeriousA11yViolations(page)

    await denied.getByRole('link', { name: p.back }).click()
    await expect(page).toHaveURL(`${server.origin}${p.leadsTo()}`)
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('You need access')
  })
}

test('the same pages show their form to a role that may use them', async ({ browser }) => {
  // Guards the test above: the form is there to be hidden.
  const context = await browser.newContext({
    baseURL: server.origin,
    extraHTTPHeaders: server.as('olga', 'operator'),
  })
  const page = await context.newPage()
  try {
    await page.goto(`${rules()}/new`)
    await expect(page.getByRole('heading', { level: 1, name: 'New scan rule' })).toBeVisible()
    await expect(page.locator('form')).toHaveCount(1)
    await page.goto(`${rule()}/edit`)
    await expect(page.getByRole('button', { name: 'Save rule' })).toBeVisible()
  } finally {
    await context.close()
  }
})

test('pages a viewer may read offer no action the role cannot take', async ({ page }) => {
  const disabled = (name: string | RegExp) => expect(page.getByRole('button', { name })).toBeDisabled()

  await page.goto('/instances')
  await expect(page.getByRole('heading', { level: 1, name: 'Instances' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Add instance' })).toHaveCount(0)
  await expect(page.getByRole('link', { name: 'Tokens' })).toHaveCount(0)
  await expect(page.getByRole('link', { name: 'Audit log' })).toHaveCount(0)

  await page.goto(`/instances/${ids.instanceId}`)
  await expect(page.getByRole('heading', { level: 1, name: 'demo' })).toBeVisible()
  await disabled(/^Sync now/)
  await expect(page.getByRole('button', { name: /Delete/ })).toHaveCount(0)
  const triggers = page.getByRole('region', { name: 'Automatic scans' })
  await expect(triggers.getByText('the settings are read-only')).toBeVisible()
  // The webhook secret is a credential: rotating or removing it is the admin's.
  for (const button of await triggers.getByRole('button', { name: /secret|Remove/ }).all())
    await expect(button).toBeDisabled()

  await page.goto(rules())
  await expect(page.getByRole('link', { name: 'New rule' })).toHaveCount(0)
  await disabled(/^New rule/)

  await page.goto(rule())
  await expect(page.getByRole('heading', { level: 1, name: 'nightly' })).toBeVisible()
  await disabled(/^Run now/)
  await disabled(/^Edit/)
  await disabled(/^Delete/)
  await expect(page.getByRole('link', { name: 'Edit' })).toHaveCount(0)

  await page.goto(`/instances/${ids.instanceId}/repositories/${ids.repoId}`)
  await disabled(/^Scan all tags/)
  await page.goto(`/instances/${ids.instanceId}/repositories/${ids.repoId}/tags/1.0.0`)
  await disabled(/^Scan\b/)

  await page.goto('/exceptions')
  await expect(page.getByRole('heading', { level: 1, name: 'Exceptions' })).toBeVisible()
  await expect(page.getByRole('button', { name: /Approve|Deny/ })).toHaveCount(0)
})
