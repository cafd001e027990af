import type { APIRequestContext, Page } from '@playwright/test'
import { finishedScans, readyDemoInstance, repositoryByName } from './support/api'
import { expect, expectNoSeriousA11yViolations, test } from './support/fixtures'
import { bodyRows } from './support/page-parts'

/**
 * Compare, the fix plan and a tag's own report address. shop-app is built on the very
 * Alpine layer alpine-base ships: against it, musl's CVE is unchanged and the application
 * findings are new.
 */

async function demoScans(request: APIRequestContext) {
  const demo = await readyDemoInstance(request)
  const tasks = await finishedScans(request, demo.instanceId)
  const of = async (name: string) => {
    const repo = await repositoryByName(request, demo.instanceId, name)
    const task = tasks.find((t) => t.repoId === repo.repoId)
    if (!task) throw new Error(`no scan of ${name}`)
    return { repo, task }
  }
  return { demo, shop: await of('demo/shop-app'), alpine: await of('demo/alpine-base'), web: await of('demo/ubuntu-web') }
}

const sectionRows = (page: Page, title: string) =>
  bodyRows(page.getByRole('table', { name: `${title} vulnerabilities` }))

test('the compare view lists the new, fixed and unchanged CVEs, with the choice in the URL', async ({ page, request }) => {
  const { demo, shop, alpine } = await demoScans(request)
  await page.goto(`/instances/${demo.instanceId}/scans/${shop.task.scanTaskId}/compare?baseScanTaskId=${alpine.task.scanTaskId}`)
  await expect(page.getByRole('heading', { name: /^Unchanged/ })).toBeVisible()
  const unchanged = await sectionRows(page, 'Unchanged').locator('th').allTextContents()
  expect(unchanged).toEqual(['CVE-2025-26519', 'CVE-2025-26519'])
  const added = await sectionRows(page, 'New').locator('th').allTextContents()
  expect(added).toContain('CVE-2021-44228')
  expect(added).toHaveLength(22)
  await expect(page.getByRole('heading', { name: 'Fixed (0)' })).toBeVisible()
  await expectNoSeriousA11yViolations(page)

  // Reached from the report header; a tag of the same repository is picked from the list.
  await page.goto(`/instances/${demo.instanceId}/scans/${shop.task.scanTaskId}?tab=vulnerabilities`)
  await page.getByRole('link', { name: 'Compare' }).click()
  await page.getByLabel('Compare with').selectOption({ label: 'Tag latest (its newest scan)' })
  await expect.poll(() => new URL(page.url()).searchParams.get('baseTag')).toBe('latest')
  // 1.0.0 and latest are the same image: nothing new, nothing fixed.
  await expect(page.getByRole('heading', { name: 'New (0)' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Fixed (0)' })).toBeVisible()
})

test('the fix plan groups the findings by package, biggest risk first, with a Dockerfile snippet', async ({ page, context, request }) => {
  const { demo, shop } = await demoScans(request)
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.goto(`/instances/${demo.instanceId}/scans/${shop.task.scanTaskId}?tab=fixes`)
  const plan = page.getByRole('table', { name: 'Upgrades, most risk removed first' })
  await expect(bodyRows(plan).first().getByRole('rowheader')).toContainText('log4j-core')
  await expect(bodyRows(plan).first()).toContainText('CVE-2021-44228')
  await page.getByRole('button', { name: 'Copy all upgrades as Dockerfile lines' }).click()
  const snippet = await page.evaluate(() => navigator.clipboard.readText())
  expect(snippet).toMatch(/^RUN apk add --no-cache --upgrade musl/m)
  expect(snippet).toMatch(/^RUN pip install --no-cache-dir /m)
  await expectNoSeriousA11yViolations(page)
})

test('a tag has its own report address, following the tag; the task address is its permalink', async ({ page, request }) => {
  const { demo, web } = await demoScans(request)
  await page.goto(`/instances/${demo.instanceId}/repositories/${web.repo.repoId}/tags/22.04/report`)
  await expect(page.getByRole('heading', { level: 1, name: /demo\/ubuntu-web/ })).toBeVisible()
  const permalink = page.getByRole('link', { name: 'permalink' })
  await expect(permalink).toHaveAttribute('href', `/instances/${demo.instanceId}/scans/${web.task.scanTaskId}`)
  await expect(page.getByText(/Started by Demo seeding/)).toBeVisible()
  await expectNoSeriousA11yViolations(page)
})
