import type { Locator, Page } from '@playwright/test'
import { callApi, DEMO_REPOSITORIES, readyDemoInstance, repositoryByName } from './support/api'
import { expect, test } from './support/fixtures'
import { bodyRows, expectVisibleFocus, rowLinkNames, table, tabTo } from './support/page-parts'

/**
 * Browsing: the repositories table keeps search, sort, page and page size in the query
 * string (so reload and a copied link reopen the same view), breadcrumbs lead back up,
 * and the main path instances → repository → tag works with the keyboard alone.
 */

/** The query string of the page, as an object, for exact comparisons. */
function query(page: Page): Record<string, string> {
  return Object.fromEntries(new URL(page.url()).searchParams)
}

/** An element's text as a screen reader reads it in one line (hidden-visually parts included). */
async function text(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim()
}

/** What the repositories view shows: rows, search text, sort, page and page size. */
async function repositoriesView(page: Page) {
  const repos = table(page, 'Repositories')
  await expect(repos).toHaveAttribute('aria-busy', 'false')
  const sorted = repos.getByRole('columnheader').and(page.locator('[aria-sort="ascending"], [aria-sort="descending"]'))
  return {
    rows: await rowLinkNames(repos),
    search: await page.getByRole('searchbox', { name: 'Search repositories' }).inputValue(),
    sortedBy: await text(sorted),
    sortOrder: await sorted.getAttribute('aria-sort'),
    currentPage: await text(page.getByRole('navigation', { name: 'Pages of repositories' }).locator('[aria-current="page"]')),
    pageSize: await page.getByLabel('Rows per page').inputValue(),
    range: await text(page.getByText(/^\d+–\d+ of \d+/)),
  }
}

test('repository list state lives in the URL and survives reload and a copied link', async ({ page, context, request }) => {
  const demo = await readyDemoInstance(request)
  const instancePath = `/instances/${demo.instanceId}`
  const repos = table(page, 'Repositories')

  // Two rows a page, so the five demo repositories make three pages. (The page-size menu
  // offers 10 and up; a size from a link is kept and offered too.)
  await page.goto(`${instancePath}?pageSize=2`)
  await expect.poll(() => rowLinkNames(repos)).toEqual(DEMO_REPOSITORIES.slice(0, 2))

  // Search: applied after typing pauses, written to the URL.
  await page.getByRole('searchbox', { name: 'Search repositories' }).fill('demo/')
  await expect.poll(() => query(page)).toEqual({ pageSize: '2', repoName: 'demo/' })

  // Sort: the Tags header, most tags first; the header says so with aria-sort.
  await repos.getByRole('button', { name: 'Tags' }).click()
  await expect.poll(() => query(page)).toEqual({ pageSize: '2', repoName: 'demo/', sortBy: 'tagCount', sortOrder: 'desc' })
  await expect(repos.getByRole('columnheader', { name: 'Tags' })).toHaveAttribute('aria-sort', 'descending')

  // Page 2.
  await page.getByRole('button', { name: 'Page 2' }).click()
  await expect.poll(() => query(page)).toEqual({ pageNo: '2', pageSize: '2', repoName: 'demo/', sortBy: 'tagCount', sortOrder: 'desc' })
  const expected = await callApi(request, 'listRepository', { instanceId: demo.instanceId, repoName: 'demo/', sortBy: 'tagCount', sortOrder: 'desc', pageSize: 2, pageNo: 2 })
  await expect.poll(() => rowLinkNames(repos)).toEqual(expected.items.map((r) => r.fullName))

  const view = await repositoriesView(page)
  expect(view).toEqual({ rows: expected.items.map((r) => r.fullName), search: 'demo/', sortedBy: 'Tags', sortOrder: 'descending', currentPage: 'Page 2', pageSize: '2', range: '3–4 of 5 repositories' })

  // Reload: the same view.
  await page.reload()
  await expect.poll(() => rowLinkNames(repos)).toEqual(view.rows)
  expect(await repositoriesView(page)).toEqual(view)

  // The copied URL in a new page: the same view.
  const copied = page.url()
  const other = await context.newPage()
  await other.goto(copied)
  await expect.poll(() => rowLinkNames(table(other, 'Repositories'))).toEqual(view.rows)
  expect(await repositoriesView(other)).toEqual(view)
  await other.close()

  // Page size from the menu: written to the URL, and back to page 1.
  await page.getByLabel('Rows per page').selectOption('10')
  await expect.poll(() => query(page)).toEqual({ pageSize: '10', repoName: 'demo/', sortBy: 'tagCount', sortOrder: 'desc' })
  await expect(bodyRows(repos)).toHaveCount(5)

  // A narrower search, then Back restores the previous view.
  await page.getByRole('searchbox', { name: 'Search repositories' }).fill('ubuntu')
  await expect.poll(() => query(page)).toMatchObject({ repoName: 'ubuntu' })
  await expect.poll(() => rowLinkNames(repos)).toEqual(['demo/ubuntu-web'])
  await page.goBack()
  await expect.poll(() => query(page)).toEqual({ pageSize: '10', repoName: 'demo/', sortBy: 'tagCount', sortOrder: 'desc' })
  await expect(page.getByRole('searchbox', { name: 'Search repositories' })).toHaveValue('demo/')
  await expect(bodyRows(repos)).toHaveCount(5)
})

test('breadcrumbs lead back up from a tag', async ({ page, request }) => {
  const demo = await readyDemoInstance(request)
  const repo = await repositoryByName(request, demo.instanceId, 'demo/shop-app')
  await page.goto(`/instances/${demo.instanceId}/repositories/${repo.repoId}/tags/latest`)
  await expect(page.getByRole('heading', { level: 1, name: 'latest' })).toBeVisible()

  const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' })
  await expect(crumbs.getByRole('listitem')).toHaveText(['Instances', 'demo', 'demo/shop-app', 'latest'])
  await expect(crumbs.getByText('latest')).toHaveAttribute('aria-current', 'page')

  await crumbs.getByRole('link', { name: 'demo/shop-app' }).click()
  await expect(page).toHaveURL(`/instances/${demo.instanceId}/repositories/${repo.repoId}`)
  await expect(page.getByRole('heading', { level: 1, name: 'demo/shop-app' })).toBeVisible()
  await expect(crumbs.getByRole('listitem')).toHaveText(['Instances', 'demo', 'demo/shop-app'])

  await crumbs.getByRole('link', { name: 'demo', exact: true }).click()
  await expect(page).toHaveURL(`/instances/${demo.instanceId}`)
  await expect(page.getByRole('heading', { level: 1, name: 'demo' })).toBeVisible()

  await crumbs.getByRole('link', { name: 'Instances' }).click()
  await expect(page).toHaveURL('/instances')
  await expect(page.getByRole('heading', { level: 1, name: 'Instances' })).toBeVisible()
  // One level: no trail.
  await expect(crumbs).toHaveCount(0)
})

test('instances → repository → tag and back, by keyboard alone', async ({ page, request }) => {
  const demo = await readyDemoInstance(request)
  const repo = await repositoryByName(request, demo.instanceId, 'demo/ubuntu-web')
  await page.goto('/instances')
  await expect(page.getByRole('link', { name: 'demo', exact: true })).toBeVisible()

  // The first Tab reaches the skip link, which is shown on focus and moves focus to the content.
  const skip = page.getByRole('link', { name: 'Skip to content' })
  await tabTo(page, skip, 1)
  await expectVisibleFocus(skip)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('main')).toBeFocused()

  // Instances → demo.
  const demoLink = page.getByRole('link', { name: 'demo', exact: true })
  await tabTo(page, demoLink)
  await expectVisibleFocus(demoLink)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(`/instances/${demo.instanceId}`)
  await expect(page.getByRole('heading', { level: 1, name: 'demo' })).toBeVisible()

  // Sorting is a button in the header: Enter sorts, and the URL says so.
  const sortByTags = table(page, 'Repositories').getByRole('button', { name: 'Tags' })
  await tabTo(page, sortByTags)
  await expectVisibleFocus(sortByTags)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/sortBy=tagCount&sortOrder=desc/)

  // demo → demo/ubuntu-web.
  const repoLink = page.getByRole('link', { name: 'demo/ubuntu-web', exact: true })
  await tabTo(page, repoLink)
  await expectVisibleFocus(repoLink)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(`/instances/${demo.instanceId}/repositories/${repo.repoId}`)
  await expect(page.getByRole('heading', { level: 1, name: 'demo/ubuntu-web' })).toBeVisible()

  // demo/ubuntu-web → 22.04.
  const tagLink = page.getByRole('link', { name: '22.04', exact: true })
  await tabTo(page, tagLink)
  await expectVisibleFocus(tagLink)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(`/instances/${demo.instanceId}/repositories/${repo.repoId}/tags/22.04`)
  await expect(page.getByRole('heading', { level: 1, name: '22.04' })).toBeVisible()

  // The digest's copy button is reachable too.
  const copy = page.getByRole('button', { name: 'Copy digest' })
  await tabTo(page, copy)
  await expectVisibleFocus(copy)

  // Back up by the breadcrumb.
  const crumb = page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'demo/ubuntu-web' })
  await tabTo(page, crumb)
  await expectVisibleFocus(crumb)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(`/instances/${demo.instanceId}/repositories/${repo.repoId}`)
  await expect(page.getByRole('heading', { level: 1, name: 'demo/ubuntu-web' })).toBeVisible()
})
