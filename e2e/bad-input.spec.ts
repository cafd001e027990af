import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import type { APIRequestContext, Locator, Page } from '@playwright/test'
import { listInstances, readyDemoInstance, repositoryByName } from './support/api'
import { expect, expectNoSeriousA11yViolations, test } from './support/fixtures'
import { detailValue, rowLinkNames, table } from './support/page-parts'

/**
 * Bad input is answered in place and changes nothing: the add-instance form shows what is
 * wrong next to the field and focuses the first invalid one, and an address naming an
 * unknown instance, repository or tag shows the server's error code and request id.
 */

/** A port on 127.0.0.1 that nothing listens on (bound, then released). */
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

/** A field is marked invalid, says why (its accessible description), and has focus. */
async function expectInvalidAndFocused(field: Locator, message: RegExp) {
  await expect(field).toHaveAttribute('aria-invalid', 'true')
  await expect(field).toHaveAccessibleDescription(message)
  await expect(field).toBeFocused()
}

/** Nothing was created: the API and the instances table still list exactly `before`. */
async function expectNothingCreated(page: Page, request: APIRequestContext, before: { instanceId: string; instanceName: string }[]) {
  expect((await listInstances(request)).map((i) => i.instanceId)).toEqual(before.map((i) => i.instanceId))
  await expect.poll(() => rowLinkNames(table(page, 'Instances'))).toEqual(before.map((i) => i.instanceName))
}

test.describe('the add-instance dialog', () => {
  test('an empty name and an invalid URL: messages at the fields, focus on the first invalid one', async ({ page, request }) => {
    await readyDemoInstance(request)
    const before = await listInstances(request)
    const dialog = await openAddInstance(page)
    const name = dialog.getByLabel('Name', { exact: true })
    const url = dialog.getByLabel('Registry URL')
    const submit = dialog.getByRole('button', { name: 'Add instance' })

    // Both empty: both are flagged, focus goes to the first.
    await submit.click()
    await expectInvalidAndFocused(name, /Name is required/)
    await expect(url).toHaveAttribute('aria-invalid', 'true')
    await expect(url).toHaveAccessibleDescription(/Registry URL is required/)

    // A name, but URLs the contract refuses: only the URL is flagged, and focused.
    await name.fill('bad url')
    await expect(name).not.toHaveAttribute('aria-invalid')
    for (const bad of ['not a url', 'ftp://registry.example.com', 'https://user:secret@registry.example.com']) {
      await url.fill(bad)
      await submit.click()
      await expectInvalidAndFocused(url, /Registry URL must be an http:\/\/ or https:\/\/ URL/)
    }

    // A name with characters the contract refuses.
    await url.fill('https://registry.example.com')
    await name.fill('no/slashes!')
    await submit.click()
    await expectInvalidAndFocused(name, /Name may use letters, digits, spaces/)

    // "Test connection" checks the connection fields the same way before asking the server.
    await url.fill('')
    await dialog.getByRole('button', { name: 'Test connection' }).click()
    await expectInvalidAndFocused(url, /Registry URL is required/)

    await expect(dialog).toBeVisible()
    await expectNoSeriousA11yViolations(page)
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await expect(dialog).toBeHidden()
    await expectNothingCreated(page, request, before)
  })

  test('an unreachable registry: the test and the save both say so, nothing is created', async ({ page, request }) => {
    await readyDemoInstance(request)
    const before = await listInstances(request)
    const port = await closedPort()
    const dialog = await openAddInstance(page)
    await dialog.getByLabel('Name', { exact: true }).fill('unreachable')
    const url = dialog.getByLabel('Registry URL')
    await url.fill(`http://127.0.0.1:${port}`)

    await dialog.getByRole('button', { name: 'Test connection' }).click()
    const result = dialog.getByRole('status').filter({ hasText: /Connection/ })
    await expect(result).toContainText('Connection failed')
    await expect(result).toContainText(`cannot reach 127.0.0.1:${port}`)
    await expect(result).toContainText('REGISTRY_UNREACHABLE')

    await dialog.getByRole('button', { name: 'Add instance' }).click()
    await expectInvalidAndFocused(url, new RegExp(`cannot reach 127\\.0\\.0\\.1:${port}`))
    await expect(dialog).toBeVisible()
    await expectNothingCreated(page, request, before)
  })

  test('a directory that does not exist: refused at the path field, nothing is created', async ({ page, request }) => {
    await readyDemoInstance(request)
    const before = await listInstances(request)
    const missing = path.join(os.tmpdir(), `layerscope-e2e-missing-${Date.now()}`)
    const dialog = await openAddInstance(page)
    await dialog.getByRole('radio', { name: /Directory/ }).check()
    await dialog.getByLabel('Name', { exact: true }).fill('missing directory')
    const dir = dialog.getByLabel('Directory path')
    await dir.fill(missing)

    await dialog.getByRole('button', { name: 'Test connection' }).click()
    const result = dialog.getByRole('status').filter({ hasText: /Connection/ })
    await expect(result).toContainText('Connection failed')
    await expect(result).toContainText('DIRECTORY_INVALID')

    await dialog.getByRole('button', { name: 'Add instance' }).click()
    await expectInvalidAndFocused(dir, /Directory path is not a readable directory on the server/)
    await expect(dialog).toBeVisible()
    await expectNothingCreated(page, request, before)
  })

  test('a name already in use: refused at the name field, nothing is created', async ({ page, request }) => {
    const demo = await readyDemoInstance(request)
    const before = await listInstances(request)
    const dialog = await openAddInstance(page)
    await dialog.getByRole('radio', { name: /Directory/ }).check()
    const name = dialog.getByLabel('Name', { exact: true })
    await name.fill(demo.instanceName)
    await dialog.getByLabel('Directory path').fill(os.tmpdir())

    await dialog.getByRole('button', { name: 'Add instance' }).click()
    await expectInvalidAndFocused(name, /Name is already used by another instance/)
    await expect(dialog).toBeVisible()
    await expectNothingCreated(page, request, before)
  })
})

test.describe('an address naming something unknown', () => {
  const unknownInstance = 'cri-0000000000000000'
  const unknownRepo = 'crr-0000000000000000'
  const unknownScan = '00000000-0000-4000-8000-000000000000'

  const cases = [
    { what: 'instance', path: () => `/instances/${unknownInstance}`, operation: 'getInstance', title: 'Instance not found', code: 'INSTANCE_NOT_EXIST', way: 'Go to instances', leadsTo: () => '/instances', axe: true },
    { what: 'malformed instance id', path: () => '/instances/not-an-id', operation: 'getInstance', title: 'Could not load this instance', code: 'PARAM_INVALID', way: 'Go to instances', leadsTo: () => '/instances' },
    { what: 'repository', path: (d: Ids) => `/instances/${d.instanceId}/repositories/${unknownRepo}`, operation: 'getRepository', title: 'Repository not found', code: 'REPO_NOT_EXIST', way: 'Back to instance', leadsTo: (d: Ids) => `/instances/${d.instanceId}` },
    { what: 'repository of an unknown instance', path: () => `/instances/${unknownInstance}/repositories/${unknownRepo}`, operation: 'getRepository', title: 'Instance not found', code: 'INSTANCE_NOT_EXIST', way: 'Go to instances', leadsTo: () => '/instances' },
    { what: 'tag', path: (d: Ids) => `/instances/${d.instanceId}/repositories/${d.repoId}/tags/9.9.9`, operation: 'getRepoTag', title: 'Tag not found', code: 'TAG_NOT_EXIST', way: 'Back to repository', leadsTo: (d: Ids) => `/instances/${d.instanceId}/repositories/${d.repoId}`, axe: true },
    { what: 'tag of an unknown repository', path: (d: Ids) => `/instances/${d.instanceId}/repositories/${unknownRepo}/tags/latest`, operation: 'getRepoTag', title: 'Repository not found', code: 'REPO_NOT_EXIST', way: 'Back to instance', leadsTo: (d: Ids) => `/instances/${d.instanceId}` },
    { what: 'scan task', path: (d: Ids) => `/instances/${d.instanceId}/scans/${unknownScan}`, operation: 'getRepoTagScanStatus', title: 'Scan not found', code: 'SCAN_TASK_NOT_EXIST', way: 'Go to scan tasks', leadsTo: (d: Ids) => `/instances/${d.instanceId}/scans`, axe: true },
    { what: 'malformed scan task id', path: (d: Ids) => `/instances/${d.instanceId}/scans/not-a-uuid`, operation: 'getRepoTagScanStatus', title: 'Could not load this scan', code: 'PARAM_INVALID', way: 'Go to scan tasks', leadsTo: (d: Ids) => `/instances/${d.instanceId}/scans` },
  ] as const

  // One error state serves every case; axe checks it on the instance and on the tag page.
  for (const c of cases) {
    test(`an unknown ${c.what} shows ${c.code} with its request id`, async ({ page, request }) => {
      const demo = await readyDemoInstance(request)
      const repo = await repositoryByName(request, demo.instanceId, 'demo/ubuntu-web')
      const ids: Ids = { instanceId: demo.instanceId, repoId: repo.repoId }

      // The page and its breadcrumbs share one query, mounted together after the session is
      // known: the refused answer arrives once, and its id is the one shown.
      const requestIds: string[] = []
      page.on('response', (res) => {
        if (new URL(res.url()).pathname === `/api/v1/${c.operation}` && !res.ok()) requestIds.push(res.headers()['x-request-id'] ?? '')
      })
      await page.goto(c.path(ids))

      const alert = page.getByRole('alert').filter({ hasText: c.title })
      await expect(alert).toBeVisible()
      await expect(detailValue(page, 'Code')).toHaveText(c.code)
      await page.waitForLoadState('networkidle')
      expect(requestIds).toHaveLength(1)
      const [requestId] = requestIds as [string]
      expect(requestId).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/)
      // The id the server logged the shown answer under, to quote in a ticket.
      await expect(detailValue(page, 'Request ID').locator('code')).toHaveText(requestId)
      // Asking again cannot help: a way out is offered instead of a retry.
      await expect(alert.getByRole('button', { name: 'Retry' })).toHaveCount(0)
      await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1)
      if ('axe' in c) await expectNoSeriousA11yViolations(page)

      await alert.getByRole('link', { name: c.way }).click()
      await expect(page).toHaveURL(c.leadsTo(ids))
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    })
  }
})

interface Ids {
  instanceId: string
  repoId: string
}
