import type { APIRequestContext, Page } from '@playwright/test'
import type { Instance } from '@contract/instances'
import type { Repository } from '@contract/repositories'
import { callApi, DEMO_REPOSITORIES, finishedScans, readyDemoInstance, repositoryByName } from './support/api'
import { expect, expectNoSeriousA11yViolations, test } from './support/fixtures'
import { cellIn, detailValue, rowLinkNames, rowWithLink, table } from './support/page-parts'

/**
 * Every page renders the demo instance's real data (compared with what the API says)
 * and passes axe's WCAG A/AA rules without a serious or critical violation, in the
 * light and in the dark theme.
 */

const REPO = 'demo/ubuntu-web'
const TAG = '22.04'

async function expectTheme(page: Page, scheme: 'light' | 'dark') {
  // The theme follows the system preference unless chosen: the emulated scheme decides.
  if (scheme === 'dark') await expect(page.locator('html')).toHaveClass(/(^|\s)dark(\s|$)/)
  else await expect(page.locator('html')).not.toHaveClass(/(^|\s)dark(\s|$)/)
}

async function demoData(request: APIRequestContext): Promise<{ demo: Instance; repo: Repository }> {
  const demo = await readyDemoInstance(request)
  return { demo, repo: await repositoryByName(request, demo.instanceId, REPO) }
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme })

    test('instances list shows the demo instance', async ({ page, request }) => {
      const { demo } = await demoData(request)
      await page.goto('/instances')
      await expectTheme(page, scheme)
      await expect(page.getByRole('heading', { level: 1, name: 'Instances' })).toBeVisible()
      const instances = table(page, 'Instances')
      const row = rowWithLink(instances, 'demo')
      await expect(row).toHaveCount(1)
      await expect(await cellIn(instances, row, 'Kind')).toHaveText('Directory')
      await expect(await cellIn(instances, row, 'Endpoint')).toHaveText(demo.endpoint)
      await expect(await cellIn(instances, row, 'Sync status')).toHaveText(/Ready/)
      await expect(await cellIn(instances, row, 'Repositories')).toHaveText(String(demo.repoCount))
      await expect(await cellIn(instances, row, 'Tags')).toHaveText(String(demo.tagCount))
      await expect(page).toHaveTitle('Instances · Layerscope')
      await expectNoSeriousA11yViolations(page)
    })

    test('instance page lists its repositories', async ({ page, request }) => {
      const { demo } = await demoData(request)
      const repos = await callApi(request, 'listRepository', { instanceId: demo.instanceId, pageSize: 100 })
      expect(repos.items.map((r) => r.fullName)).toEqual(DEMO_REPOSITORIES)

      await page.goto('/instances')
      await page.getByRole('link', { name: 'demo', exact: true }).click()
      await expect(page).toHaveURL(`/instances/${demo.instanceId}`)
      await expectTheme(page, scheme)
      await expect(page.getByRole('heading', { level: 1, name: 'demo' })).toBeVisible()
      await expect(page.getByText(`${demo.repoCount} repositories`, { exact: true })).toBeVisible()
      await expect(page.getByText(`${demo.tagCount} tags`, { exact: true })).toBeVisible()
      const repositories = table(page, 'Repositories')
      await expect.poll(() => rowLinkNames(repositories)).toEqual(DEMO_REPOSITORIES)
      for (const repo of repos.items) {
        await expect(await cellIn(repositories, rowWithLink(repositories, repo.fullName), 'Tags')).toHaveText(String(repo.tagCount))
      }
      await expect(page).toHaveTitle('demo · Layerscope')
      await expectNoSeriousA11yViolations(page)
    })

    test('repository page lists its tags', async ({ page, request }) => {
      const { demo, repo } = await demoData(request)
      const tags = await callApi(request, 'listRepoTag', { instanceId: demo.instanceId, repoId: repo.repoId })
      expect(tags.items.map((t) => t.tag).sort()).toEqual(['1.0', '22.04'])

      await page.goto(`/instances/${demo.instanceId}`)
      await page.getByRole('link', { name: REPO, exact: true }).click()
      await expect(page).toHaveURL(`/instances/${demo.instanceId}/repositories/${repo.repoId}`)
      await expectTheme(page, scheme)
      await expect(page.getByRole('heading', { level: 1, name: REPO })).toBeVisible()
      const tagTable = table(page, 'Tags')
      // Newest push first, as the API orders by default.
      await expect.poll(() => rowLinkNames(tagTable)).toEqual(tags.items.map((t) => t.tag))
      for (const tag of tags.items) {
        const row = rowWithLink(tagTable, tag.tag)
        await expect((await cellIn(tagTable, row, 'Digest')).locator('code')).toHaveAttribute('title', tag.digest)
        await expect(await cellIn(tagTable, row, 'Layers')).toHaveText(String(tag.layerCount))
        for (const platform of tag.platforms) await expect(await cellIn(tagTable, row, 'Platforms')).toContainText(platform)
      }
      await expect(page).toHaveTitle(`${REPO} · demo · Layerscope`)
      await expectNoSeriousA11yViolations(page)
    })

    test('tag page shows what the tag points to', async ({ page, request }) => {
      const { demo, repo } = await demoData(request)
      const tag = await callApi(request, 'getRepoTag', { instanceId: demo.instanceId, repoId: repo.repoId, tag: TAG })

      await page.goto(`/instances/${demo.instanceId}/repositories/${repo.repoId}`)
      await page.getByRole('link', { name: TAG, exact: true }).click()
      await expect(page).toHaveURL(`/instances/${demo.instanceId}/repositories/${repo.repoId}/tags/${TAG}`)
      await expectTheme(page, scheme)
      await expect(page.getByRole('heading', { level: 1, name: TAG })).toBeVisible()
      await expect(page.getByText(`${REPO}:${TAG}`, { exact: true })).toBeVisible()
      await expect(detailValue(page, 'Digest').locator('code')).toHaveText(tag.digest)
      await expect(detailValue(page, 'Media type')).toHaveText(tag.mediaType)
      await expect(detailValue(page, 'Platforms')).toHaveText(tag.platforms.join(', '))
      await expect(detailValue(page, 'Layers')).toHaveText(String(tag.layerCount))
      // The server scans the demo tags at first boot: the tag's latest scan and its report link.
      const scan = (await finishedScans(request, demo.instanceId)).find((t) => t.repoId === repo.repoId && t.digest === tag.digest)
      await expect(page.getByRole('heading', { level: 2, name: 'Security report' })).toBeVisible()
      await expect(page.getByRole('region', { name: 'Security report' }).getByRole('link', { name: 'Open report' })).toHaveAttribute(
        'href',
        `/instances/${demo.instanceId}/scans/${scan?.scanTaskId}`,
      )
      await expect(page).toHaveTitle(`${REPO}:${TAG} · demo · Layerscope`)
      await expectNoSeriousA11yViolations(page)
    })

    test('an unknown path shows the not-found page', async ({ page }) => {
      await page.goto('/no/such/page')
      await expectTheme(page, scheme)
      await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeAttached()
      await expect(page.getByText('There is nothing at this address.')).toBeVisible()
      await expect(page).toHaveTitle('Page not found · Layerscope')
      await expectNoSeriousA11yViolations(page)
      await page.getByRole('link', { name: 'Go to instances' }).click()
      await expect(page).toHaveURL('/instances')
      await expect(page.getByRole('link', { name: 'demo', exact: true })).toBeVisible()
    })
  })
}
