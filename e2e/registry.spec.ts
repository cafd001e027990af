import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildDemoImages } from '../server/demo/demo-images'
import { openImageSource } from '../server/engine/acquire/open-source'
import { pushImage } from '../server/engine/acquire/push'
import { DOCKER_REGISTRY_BIN, startDockerRegistry, type RunningRegistry } from '../server/testing/docker-registry'
import { callApi, listInstances } from './support/api'
import { expect, test } from './support/fixtures'
import { cellIn, detailValue, rowLinkNames, rowWithLink, table } from './support/page-parts'

/**
 * Adding a real registry through the UI: Debian's CNCF distribution registry on
 * 127.0.0.1 with htpasswd (basic) auth, the demo images pushed to it by Layerscope's own
 * distribution-API client, then added, synced and browsed in the dashboard down to a
 * tag whose digest must be the one the registry serves.
 */

const user = { name: 'e2e-user', password: 'e2e correct horse battery staple' }
const INSTANCE_NAME = 'local registry e2e'
const REPO = 'demo/ubuntu-web'
const TAG = '22.04'

let registry: RunningRegistry | undefined
let imagesDir: string | undefined
/** What pushImage reported for each `repository:tag`: the digest the registry stored. */
const pushed = new Map<string, string>()

test.describe('a password-protected registry', () => {
  test.skip(!fs.existsSync(DOCKER_REGISTRY_BIN), `${DOCKER_REGISTRY_BIN} is missing: install Debian's docker-registry package to run this spec.`)

  test.beforeAll(async () => {
    test.setTimeout(120_000)
    registry = await startDockerRegistry({ user })
    imagesDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'layerscope-e2e-images-'))
    const images = await buildDemoImages(imagesDir)
    const source = await openImageSource({ kind: 'directory', path: imagesDir })
    try {
      for (const image of images) {
        const target = { url: registry.url, username: user.name, password: user.password }
        const { digest } = await pushImage(source, image.repository, image.tag, target, image.repository, image.tag)
        pushed.set(`${image.repository}:${image.tag}`, digest)
      }
    } finally {
      await source.close()
    }
  })

  test.afterAll(async ({ request }) => {
    // Leave the shared server as it was, even when the test failed half-way.
    for (const instance of await listInstances(request)) {
      if (instance.instanceName === INSTANCE_NAME) await callApi(request, 'deleteInstance', { instanceId: instance.instanceId })
    }
    await registry?.stop()
    if (imagesDir) await fs.promises.rm(imagesDir, { recursive: true, force: true })
  })

  test('is refused with a wrong password, then added, synced and browsed to a tag', async ({ page, request }) => {
    test.setTimeout(90_000)
    if (!registry) throw new Error('the registry did not start')
    const servedDigest = await manifestDigest(registry.url, REPO, TAG)
    expect(servedDigest, 'pushImage reports the digest the registry serves').toBe(pushed.get(`${REPO}:${TAG}`))
    const before = await listInstances(request)

    await page.goto('/instances')
    await expect(page.getByRole('link', { name: 'demo', exact: true })).toBeVisible()
    await page.getByRole('button', { name: 'Add instance' }).click()
    const dialog = page.getByRole('dialog', { name: 'Add instance' })
    await expect(dialog).toBeVisible()
    await expect(dialog.getByRole('radio', { name: /Registry/ })).toBeChecked()
    await dialog.getByLabel('Name', { exact: true }).fill(INSTANCE_NAME)
    await dialog.getByLabel('Registry URL').fill(registry.url)
    await dialog.getByLabel('Username', { exact: true }).fill(user.name)
    const password = dialog.getByLabel('Password or token')
    await password.fill('not the password')

    // Wrong password: the connection test says so, with the error code.
    await dialog.getByRole('button', { name: 'Test connection' }).click()
    const testResult = dialog.getByRole('status').filter({ hasText: /Connection/ })
    await expect(testResult).toContainText('Connection failed')
    await expect(testResult).toContainText('REGISTRY_AUTH_FAILED')

    // Saving anyway is refused: the password field carries the message and gets focus; nothing is created.
    await dialog.getByRole('button', { name: 'Add instance' }).click()
    await expect(password).toHaveAttribute('aria-invalid', 'true')
    await expect(password).toBeFocused()
    await expect(password).toHaveAccessibleDescription(/authentication failed/)
    await expect(dialog).toBeVisible()
    expect(await listInstances(request)).toEqual(before)
    await expect.poll(() => rowLinkNames(table(page, 'Instances'))).toEqual(before.map((i) => i.instanceName))

    // The right password: the test passes and counts the pushed repositories.
    await password.fill(user.password)
    await expect(password).not.toHaveAttribute('aria-invalid', 'true')
    await dialog.getByRole('button', { name: 'Test connection' }).click()
    const repoCount = new Set([...pushed.keys()].map((ref) => ref.split(':')[0])).size
    await expect(testResult).toHaveText(`Connection works. Registry answered; ${repoCount} repositories found.`)

    // Save: the dialog closes, the instance is listed and its index gets built.
    await dialog.getByRole('button', { name: 'Add instance' }).click()
    await expect(dialog).toBeHidden()
    await expect(page.getByRole('region', { name: 'Notifications' })).toContainText(`Added ${INSTANCE_NAME}`)
    const instances = table(page, 'Instances')
    const row = rowWithLink(instances, INSTANCE_NAME)
    await expect(await cellIn(instances, row, 'Kind')).toHaveText('Registry')
    await expect(await cellIn(instances, row, 'Endpoint')).toHaveText(registry.url)
    await expect(await cellIn(instances, row, 'Sync status')).toHaveText(/Ready/, { timeout: 45_000 })
    await expect(await cellIn(instances, row, 'Repositories')).toHaveText(String(repoCount))
    await expect(await cellIn(instances, row, 'Tags')).toHaveText(String(pushed.size))

    // Browse: instance → repository → tag.
    await row.getByRole('link', { name: INSTANCE_NAME }).click()
    await expect(page.getByRole('heading', { level: 1, name: INSTANCE_NAME })).toBeVisible()
    const repositories = table(page, 'Repositories')
    const pushedRepos = [...new Set([...pushed.keys()].map((ref) => ref.split(':')[0]))].sort()
    await expect.poll(() => rowLinkNames(repositories)).toEqual(pushedRepos)
    await repositories.getByRole('link', { name: REPO, exact: true }).click()
    await expect(page.getByRole('heading', { level: 1, name: REPO })).toBeVisible()
    const tags = table(page, 'Tags')
    for (const [ref, digest] of pushed) {
      const [repo, tag] = ref.split(':') as [string, string]
      if (repo !== REPO) continue
      await expect((await cellIn(tags, rowWithLink(tags, tag), 'Digest')).locator('code')).toHaveAttribute('title', digest)
    }
    await tags.getByRole('link', { name: TAG, exact: true }).click()
    await expect(page.getByRole('heading', { level: 1, name: TAG })).toBeVisible()
    await expect(detailValue(page, 'Digest').locator('code')).toHaveText(servedDigest)
    await expect(detailValue(page, 'Platforms')).toHaveText('linux/amd64, linux/arm64')

    // And remove it again through the UI.
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: INSTANCE_NAME }).click()
    await page.getByRole('button', { name: 'Delete', exact: true }).click()
    const confirm = page.getByRole('alertdialog', { name: `Delete ${INSTANCE_NAME}?` })
    await confirm.getByRole('button', { name: 'Delete instance' }).click()
    await expect(page).toHaveURL('/instances')
    await expect(rowWithLink(table(page, 'Instances'), INSTANCE_NAME)).toHaveCount(0)
    expect((await listInstances(request)).map((i) => i.instanceId)).toEqual(before.map((i) => i.instanceId))
  })
})

/** The digest the registry itself reports for a tag (Docker-Content-Digest of the manifest). */
async function manifestDigest(registryUrl: string, repository: string, tag: string): Promise<string> {
  const res = await fetch(`${registryUrl}/v2/${repository}/manifests/${tag}`, {
    method: 'HEAD',
    headers: {
      authorization: `Basic ${Buffer.from(`${user.name}:${user.password}`).toString('base64')}`,
      accept: [
        'application/vnd.oci.image.index.v1+json',
        'application/vnd.oci.image.manifest.v1+json',
        'application/vnd.docker.distribution.manifest.list.v2+json',
        'application/vnd.docker.distribution.manifest.v2+json',
      ].join(', '),
    },
  })
  expect(res.status, `HEAD ${repository}:${tag}`).toBe(200)
  const digest = res.headers.get('docker-content-digest')
  expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/)
  return digest as string
}
