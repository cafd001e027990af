import fs from 'node:fs'
import net from 'node:net'
import type { APIRequestContext, Locator, Page } from '@playwright/test'
import { ACR_INSTANCE_ID, ACR_REGION } from '../server/providers/acr/testing/acr-fixtures'
import { startFakeAcr, type FakeAcr } from '../server/providers/acr/testing/fake-acr'
import { startFakeCentral, type FakeCentral } from '../server/providers/stackrox/testing/fake-central'
import {
  DOCKER_REGISTRY_BIN,
  startDockerRegistry,
  type RunningRegistry,
} from '../server/testing/docker-registry'
import { callApi, finishedScans, listInstances, readyDemoInstance, repositoryByName } from './support/api'
import { expect, expectNoSeriousA11yViolations, test } from './support/fixtures'
import { cellIn, rowWithLink, table } from './support/page-parts'

/**
 * The add-instance form: the kind is chosen first (radio cards, by keyboard too), each
 * kind shows its own fields with secrets in password inputs, and a connection test shows
 * the checklist resolve → connect → TLS → API → credentials → catalog with the failed
 * step marked, against a closed port and a real password-protected docker-registry.
 */

async function closedPort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

async function openAddInstance(page: Page): Promise<Locator> {
  await page.goto('/instances')
  await expect(page.getByRole('link', { name: 'demo', exact: true })).toBeVisible()
  await page.getByRole('button', { name: 'Add instance' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add instance' })
  await expect(dialog).toBeVisible()
  return dialog
}

/** The checklist's item for a step, by its label; its text holds the status word. */
function checkItem(dialog: Locator, label: string): Locator {
  return dialog
    .getByRole('list', { name: 'Connection checks' })
    .getByRole('listitem')
    .filter({ has: dialog.page().getByText(label, { exact: true }) })
}

async function expectChecks(
  dialog: Locator,
  expected: Record<string, 'Passed' | 'Failed' | 'Skipped' | 'Not run'>,
) {
  for (const [label, status] of Object.entries(expected)) {
    await expect(checkItem(dialog, label), label).toContainText(status)
  }
  const failed = Object.entries(expected).filter(([, status]) => status === 'Failed')
  const current = dialog.getByRole('list', { name: 'Connection checks' }).locator('[aria-current="step"]')
  await expect(current).toHaveCount(failed.length)
  if (failed[0]) await expect(current).toContainText(failed[0][0])
}

for (const scheme of ['light', 'dark'] as const) {
  test(`the kind is chosen first, each kind shows its own fields, and the form passes axe (${scheme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: scheme })
    const dialog = await openAddInstance(page)
    const registry = dialog.getByRole('radio', { name: 'Registry', exact: true })
    await expect(registry).toBeChecked()
    await expect(registry).toHaveAccessibleDescription(/OCI distribution registry .*Local scanner/)

    // Radio cards move with the arrow keys, as any radio group.
    await registry.focus()
    await page.keyboard.press('ArrowDown')
    await expect(dialog.getByRole('radio', { name: 'Directory', exact: true })).toBeChecked()
    await expect(dialog.getByLabel('Directory path')).toBeVisible()
    await page.keyboard.press('ArrowDown')
    const acr = dialog.getByRole('radio', { name: 'Alibaba Cloud ACR', exact: true })
    await expect(acr).toBeChecked()
    await expect(acr).toBeFocused()
    await expect(dialog.getByLabel('Region')).toBeVisible()
    await expect(dialog.getByLabel('ACR instance ID')).toBeVisible()
    await expect(dialog.getByLabel('AccessKey secret')).toHaveAttribute('type', 'password')
    await expect(dialog.getByLabel('Registry URL')).toHaveCount(0)
    // The server's own credentials: no key fields at all.
    await dialog.getByRole('radio', { name: /Server environment/ }).check()
    await expect(dialog.getByLabel('AccessKey ID')).toHaveCount(0)
    await expect(dialog.getByLabel('AccessKey secret')).toHaveCount(0)
    await expectNoSeriousA11yViolations(page)

    await acr.focus()
    await page.keyboard.press('ArrowDown')
    await expect(dialog.getByRole('radio', { name: 'StackRox Central', exact: true })).toBeChecked()
    await expect(dialog.getByLabel('Central URL')).toBeVisible()
    await expect(dialog.getByLabel('API token')).toHaveAttribute('type', 'password')

    // A StackRox instance without a token is refused before anything is sent.
    await dialog.getByLabel('Name', { exact: true }).fill('central')
    await dialog.getByLabel('Central URL').fill('https://central.example.com')
    await dialog.getByRole('button', { name: 'Add instance' }).click()
    await expect(dialog.getByLabel('API token')).toHaveAttribute('aria-invalid', 'true')
    await expect(dialog.getByLabel('API token')).toBeFocused()
    await expectNoSeriousA11yViolations(page)
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await expect(dialog).toBeHidden()
  })
}

test('the provider badge names the provider wherever the instance or what belongs to it is shown', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000)
  const demo = await readyDemoInstance(request)
  const repo = await repositoryByName(request, demo.instanceId, 'demo/shop-app')
  const task = (await finishedScans(request, demo.instanceId)).find(
    (t) => t.repository === 'demo/shop-app' && t.status === 'COMPLETE',
  )
  expect(task, 'a finished scan of demo/shop-app').toBeDefined()
  // Read as "Provider: Local scanner": the letter mark is hidden from assistive technology.
  const badge = page.locator('[data-provider="local"]')
  const expectBadge = async () => {
    await expect(badge).toHaveCount(1)
    await expect(badge).toMatchAriaSnapshot('- text: "Provider: Local scanner"')
  }

  await page.goto('/instances')
  const instances = table(page, 'Instances')
  await expect(await cellIn(instances, rowWithLink(instances, demo.instanceName), 'Provider')).toContainText(
    'Local scanner',
  )
  await page.goto(`/instances/${demo.instanceId}`)
  await expect(page.getByRole('heading', { level: 1, name: demo.instanceName })).toBeVisible()
  await expectBadge()
  await page.goto(`/instances/${demo.instanceId}/repositories/${repo.repoId}`)
  await expect(page.getByRole('heading', { level: 1, name: 'demo/shop-app' })).toBeVisible()
  await expectBadge()
  await page.goto(`/instances/${demo.instanceId}/repositories/${repo.repoId}/tags/1.0.0`)
  await expect(page.getByRole('heading', { level: 1, name: '1.0.0' })).toBeVisible()
  await expectBadge()
  await page.goto(`/instances/${demo.instanceId}/scans`)
  await expect(page.getByRole('heading', { level: 1, name: 'Scan tasks' })).toBeVisible()
  await expectBadge()
  await page.goto(`/instances/${demo.instanceId}/scans/${task?.scanTaskId}`)
  await expect(page.getByRole('heading', { level: 1, name: 'demo/shop-app' })).toBeVisible()
  await expectBadge()
})

test('a refused port: the checklist marks Connect as the failed step', async ({ page, request }) => {
  const before = await listInstances(request)
  const port = await closedPort()
  const dialog = await openAddInstance(page)
  await dialog.getByLabel('Name', { exact: true }).fill('refused')
  await dialog.getByLabel('Registry URL').fill(`http://127.0.0.1:${port}`)
  await dialog.getByRole('button', { name: 'Test connection' }).click()

  const result = dialog.getByRole('status').filter({ hasText: /Connection/ })
  await expect(result).toContainText(
    `Connection failed: cannot reach 127.0.0.1:${port}: connection refused (ECONNREFUSED).`,
  )
  await expect(result).toContainText(`Nothing listens on 127.0.0.1:${port}`)
  await expectChecks(dialog, {
    'Resolve host': 'Skipped',
    Connect: 'Failed',
    TLS: 'Not run',
    'Registry API': 'Not run',
    Credentials: 'Not run',
    Catalog: 'Not run',
  })
  await expectNoSeriousA11yViolations(page)
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  expect(await listInstances(request)).toEqual(before)
})

test.describe('a password-protected docker-registry', () => {
  test.skip(
    !fs.existsSync(DOCKER_REGISTRY_BIN),
    `${DOCKER_REGISTRY_BIN} is missing: install Debian's docker-registry package to run this spec.`,
  )
  const user = { name: 'kinds-e2e', password: 'kinds e2e correct password' }
  let registry: RunningRegistry | undefined

  test.beforeAll(async () => {
    test.setTimeout(60_000)
    registry = await startDockerRegistry({ user })
  })
  test.afterAll(async () => {
    await registry?.stop()
  })

  test('a wrong password fails at Credentials, on test and on save; the right one passes every step', async ({
    page,
    request,
  }) => {
    if (!registry) throw new Error('the registry did not start')
    const before = await listInstances(request)
    const dialog = await openAddInstance(page)
    await dialog.getByLabel('Name', { exact: true }).fill('kinds registry')
    await dialog.getByLabel('Registry URL').fill(registry.url)
    await dialog.getByLabel('Username', { exact: true }).fill(user.name)
    const password = dialog.getByLabel('Password or token')
    await password.fill('not the password')
    const failedAtCredentials = {
      'Resolve host': 'Skipped',
      Connect: 'Passed',
      TLS: 'Skipped',
      'Registry API': 'Passed',
      Credentials: 'Failed',
      Catalog: 'Not run',
    } as const

    // Saving straight away: refused at the password field, and the checklist shows which step failed.
    await dialog.getByRole('button', { name: 'Add instance' }).click()
    await expect(password).toHaveAttribute('aria-invalid', 'true')
    await expect(password).toBeFocused()
    await expect(password).toHaveAccessibleDescription(/authentication failed/)
    await expectChecks(dialog, failedAtCredentials)
    expect(await listInstances(request)).toEqual(before)

    // The test names the realm the registry asked for, never the password.
    await dialog.getByRole('button', { name: 'Test connection' }).click()
    const result = dialog.getByRole('status').filter({ hasText: /Connection/ })
    await expect(result).toContainText('Connection failed')
    await expect(result).toContainText('authentication failed (HTTP 401) (Basic realm')
    await expect(result).toContainText('REGISTRY_AUTH_FAILED')
    await expect(result).not.toContainText('not the password')
    await expectChecks(dialog, failedAtCredentials)

    await password.fill(user.password)
    await expect(dialog.getByRole('list', { name: 'Connection checks' })).toHaveCount(0)
    await dialog.getByRole('button', { name: 'Test connection' }).click()
    await expect(result).toHaveText('Connection works. Registry answered; 0 repositories found.')
    await expectChecks(dialog, {
      'Resolve host': 'Skipped',
      Connect: 'Passed',
      TLS: 'Skipped',
      'Registry API': 'Passed',
      Credentials: 'Passed',
      Catalog: 'Passed',
    })
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    expect(await listInstances(request)).toEqual(before)
  })
})

/**
 * ACR and StackRox instances added through the form against the fake upstreams on
 * 127.0.0.1 (signed OpenAPI calls; a bearer-token Central), synced, scanned and opened.
 */
test.describe('upstream providers', () => {
  const accessKey = { id: 'LTAIe2eKindsKey', secret: 'e2e kinds access key secret' }
  const centralToken = 'e2e-kinds-central-token'
  let acr: FakeAcr | undefined
  let central: FakeCentral | undefined

  test.beforeAll(async () => {
    acr = await startFakeAcr({ [accessKey.id]: accessKey.secret })
    central = await startFakeCentral(centralToken)
  })
  test.afterAll(async ({ request }) => {
    for (const instance of await listInstances(request)) {
      if (instance.instanceName === 'kinds acr' || instance.instanceName === 'kinds central')
        await callApi(request, 'deleteInstance', { instanceId: instance.instanceId })
    }
    await acr?.close()
    await central?.close()
  })

  async function addAndOpenReport(
    page: Page,
    request: APIRequestContext,
    name: string,
    providerName: string,
    fill: (dialog: Locator) => Promise<void>,
  ) {
    const dialog = await openAddInstance(page)
    await fill(dialog)
    await dialog.getByLabel('Name', { exact: true }).fill(name)
    await dialog.getByRole('button', { name: 'Test connection' }).click()
    await expect(dialog.getByRole('status').filter({ hasText: /Connection/ })).toContainText(
      'Connection works.',
    )
    await expect(
      dialog.getByRole('list', { name: 'Connection checks' }).locator('[aria-current="step"]'),
    ).toHaveCount(0)
    await dialog.getByRole('button', { name: 'Add instance' }).click()
    await expect(dialog).toBeHidden()
    const instances = table(page, 'Instances')
    const row = rowWithLink(instances, name)
    await expect(await cellIn(instances, row, 'Provider')).toContainText(providerName)
    await expect(await cellIn(instances, row, 'Sync status')).toHaveText(/Ready/, { timeout: 30_000 })

    const instance = (await listInstances(request)).find((i) => i.instanceName === name)
    if (!instance) throw new Error(`${name} was not created`)
    const repo = (await callApi(request, 'listRepository', { instanceId: instance.instanceId })).items[0]
    if (!repo) throw new Error(`${name} has no repository`)
    const tag = (
      await callApi(request, 'listRepoTag', { instanceId: instance.instanceId, repoId: repo.repoId })
    ).items[0]
    if (!tag) throw new Error(`${name} has no tag`)
    await callApi(request, 'createRepoTagScanTask', {
      instanceId: instance.instanceId,
      repoId: repo.repoId,
      tag: tag.tag,
    })
    const [task] = await finishedScans(request, instance.instanceId, 1)
    expect(task?.status).toBe('COMPLETE')
    await page.goto(`/instances/${instance.instanceId}/scans/${task?.scanTaskId}`)
    await expect(page.getByRole('heading', { level: 1, name: repo.fullName })).toBeVisible()
    await expect(page.locator('[data-provider]')).toContainText(providerName)
    await expectNoSeriousA11yViolations(page)
  }

  test('an Alibaba Cloud ACR instance: added, synced, scanned and its report opened', async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000)
    await addAndOpenReport(page, request, 'kinds acr', 'Alibaba Cloud ACR', async (dialog) => {
      await dialog.getByRole('radio', { name: 'Alibaba Cloud ACR', exact: true }).check()
      await dialog.getByLabel('Region').fill(ACR_REGION)
      await dialog.getByLabel('ACR instance ID').fill(ACR_INSTANCE_ID)
      await dialog.getByLabel('AccessKey ID').fill(accessKey.id)
      await dialog.getByLabel('AccessKey secret').fill(accessKey.secret)
      await dialog.getByLabel('OpenAPI endpoint').fill(acr?.endpoint ?? '')
      // A wrong secret first: the signature is refused, and the checklist marks the AccessKey step.
      await dialog.getByLabel('AccessKey secret').fill('not the secret')
      await dialog.getByRole('button', { name: 'Test connection' }).click()
      await expect(dialog.getByRole('status').filter({ hasText: /Connection/ })).toContainText(
        'Connection failed',
      )
      await expect(
        dialog.getByRole('list', { name: 'Connection checks' }).locator('[aria-current="step"]'),
      ).toContainText('AccessKey')
      await dialog.getByLabel('AccessKey secret').fill(accessKey.secret)
    })
  })

  test('a StackRox Central instance: added, synced, scanned and its report opened', async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000)
    await addAndOpenReport(page, request, 'kinds central', 'StackRox Central', async (dialog) => {
      await dialog.getByRole('radio', { name: 'StackRox Central', exact: true }).check()
      await dialog.getByLabel('Central URL').fill(central?.url ?? '')
      await dialog.getByLabel('API token').fill(centralToken)
    })
  })
})
