import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import type { APIRequestContext, Page } from '@playwright/test'
import { startFakeAcr, type FakeAcr } from '../server/providers/acr/testing/fake-acr'
import { callApi, finishedScans, readyDemoInstance } from './support/api'
import { expect, expectNoSeriousA11yViolations, test } from './support/fixtures'
import { bodyRows, cellIn, expectVisibleFocus, rowLinkNames, table, tabTo } from './support/page-parts'
import { proxyAuthServer } from './support/proxy-auth-server'

/**
 * Scan rules: create one through the form while its live preview lists the demo tags it
 * matches, see an invalid pattern refused at its field, edit it, run it and see its scans
 * queued, delete it after a confirmation; the list's filter and page survive a reload;
 * the whole form by keyboard alone; axe on every rules page in both themes; rules saved in
 * Layerscope for an ACR instance before its rules moved to ACR, created there or deleted.
 *
 * Demo tags (namespace demo): alpine-base 3.18, legacy-api 2.3.1, shop-app 1.0.0 and
 * latest, ubuntu-web 1.0 and 22.04.
 */

/** The demo instance once indexed and its boot scans have finished (a run then queues fresh scans). */
async function demoInstanceId(request: APIRequestContext): Promise<string> {
  const demo = await readyDemoInstance(request)
  await finishedScans(request, demo.instanceId)
  return demo.instanceId
}

async function deleteAllRules(request: APIRequestContext, instanceId: string) {
  const { items } = await callApi(request, 'listScanRule', { instanceId, pageSize: 100 })
  for (const rule of items) await callApi(request, 'deleteScanRule', { instanceId, scanRuleId: rule.scanRuleId })
}

/** The tags the preview lists, top to bottom, once it has settled. */
async function previewed(page: Page): Promise<string[]> {
  const region = page.getByRole('region', { name: 'Matches now' })
  await expect(region).toHaveAttribute('aria-busy', 'false')
  const list = region.getByRole('list', { name: 'Matched tags' })
  if (!(await list.isVisible())) return []
  return (await list.getByRole('listitem').allInnerTexts()).map((t) => t.trim())
}

/** A form input by its label (name inputs with suggestions are comboboxes, the others textboxes). */
function field(page: Page, label: string) {
  return page.getByLabel(label, { exact: true })
}

test('create a rule with a live preview, refuse a bad pattern at its field, edit, run and delete it', async ({ page, request }) => {
  const instanceId = await demoInstanceId(request)
  await deleteAllRules(request, instanceId)

  // From the instance page to its rules, and on to a new rule.
  await page.goto(`/instances/${instanceId}`)
  await page.getByRole('main').getByRole('link', { name: 'Scan rules' }).click()
  await expect(page).toHaveURL(`/instances/${instanceId}/rules`)
  await expect(page.getByRole('heading', { level: 1, name: 'Scan rules' })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scan rules' })).toHaveAttribute('aria-current', 'page')
  await expect(page.getByText('No scan rules yet')).toBeVisible()
  await page.getByRole('link', { name: 'New rule' }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: 'New scan rule' })).toBeVisible()

  // The default (whole instance, `.*`) previews every demo tag.
  await expect.poll(() => previewed(page)).toEqual([
    'demo/alpine-base:3.18',
    'demo/dotnet-api:1.4.0',
    'demo/legacy-api:2.3.1',
    'demo/shop-app:1.0.0',
    'demo/shop-app:latest',
    'demo/ubuntu-web:1.0',
    'demo/ubuntu-web:22.04',
  ])
  await expect(page.getByRole('status').filter({ hasText: 'Matches 7 tags in 5 repositories' })).toBeVisible()

  await field(page, 'Name').fill('one-dot releases')
  await page.getByRole('radio', { name: /^Repositories/ }).check()
  await expect(page.getByText('Complete the scope to see which tags the rule matches.')).toBeVisible()
  await field(page, 'Namespace').fill('demo')
  const repos = field(page, 'Repositories')
  for (const name of ['shop-app', 'ubuntu-web', 'not-yet']) {
    await repos.fill(name)
    await repos.press('Enter')
  }
  await field(page, 'Tag pattern').fill('1\\..*')
  await expect.poll(() => previewed(page)).toEqual(['demo/shop-app:1.0.0', 'demo/ubuntu-web:1.0'])
  await expect(page.getByRole('status').filter({ hasText: 'Matches 2 tags in 2 repositories, of 4 tags in scope.' })).toBeVisible()
  // The repository the index does not have is flagged at its chip and in the preview.
  await expect(page.getByRole('list', { name: 'Repositories chosen' }).getByRole('listitem').filter({ hasText: 'not-yet' })).toContainText('(not in index)')
  await expect(page.getByText('Not in the index yet: repository not-yet.')).toBeVisible()

  // An invalid pattern is refused at its field as it is typed, and again on submit (focus goes there).
  const pattern = field(page, 'Tag pattern')
  await pattern.fill('prod-[0-9')
  await expect(pattern).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByText('Tag pattern is not a valid RE2 pattern at position 5: missing closing ]')).toBeVisible()
  await expect(page.getByText('Fix the tag pattern to see which tags the rule matches.')).toBeVisible()
  // What the last answer said about the selectors still holds meanwhile.
  await expect(page.getByRole('list', { name: 'Repositories chosen' }).getByRole('listitem').filter({ hasText: 'not-yet' })).toContainText('(not in index)')
  await page.getByRole('button', { name: 'Create rule' }).click()
  await expect(pattern).toBeFocused()
  await expect(page).toHaveURL(`/instances/${instanceId}/rules/new`)
  await pattern.fill('1\\..*')
  await expect(pattern).not.toHaveAttribute('aria-invalid')

  await page.getByRole('button', { name: 'Create rule' }).click()
  await expect(page).toHaveURL(new RegExp(`/instances/${instanceId}/rules/crscnr-[0-9a-z]{16}$`))
  const rulePath = new URL(page.url()).pathname
  await expect(page.getByRole('heading', { level: 1, name: 'one-dot releases' })).toBeVisible()
  await expect(page.getByRole('main').getByText('demo/not-yet(not in index)')).toBeVisible()
  await expect.poll(() => previewed(page)).toEqual(['demo/shop-app:1.0.0', 'demo/ubuntu-web:1.0'])

  // A taken name comes back from the server at the Name field.
  await callApi(request, 'createScanRule', { instanceId, ruleName: 'taken', scanScope: 'INSTANCE', triggerType: 'MANUAL', repoTagFilterPattern: '.*' })
  await page.getByRole('link', { name: 'Edit', exact: true }).click()
  await expect(page).toHaveURL(`${rulePath}/edit`)
  await expect(page.getByText('Vulnerabilities (cannot be changed: delete the rule and create another)')).toBeVisible()
  await field(page, 'Name').fill('taken')
  await page.getByRole('button', { name: 'Save rule' }).click()
  await expect(field(page, 'Name')).toBeFocused()
  await expect(page.getByText('Name is already used by another rule of this instance')).toBeVisible()

  // Edit: a new name, the whole namespace, and only the shop-app tags' pattern.
  await field(page, 'Name').fill('shop releases')
  await page.getByRole('radio', { name: /^Namespaces/ }).check()
  const namespaces = field(page, 'Namespaces')
  await namespaces.fill('demo')
  await namespaces.press('Enter')
  await field(page, 'Tag pattern').fill('1\\.0\\.0|latest')
  await expect.poll(() => previewed(page)).toEqual(['demo/shop-app:1.0.0', 'demo/shop-app:latest'])
  await page.getByRole('button', { name: 'Save rule' }).click()
  await expect(page).toHaveURL(rulePath)
  await expect(page.getByRole('heading', { level: 1, name: 'shop releases' })).toBeVisible()
  await expect(page.getByRole('main').getByText('1\\.0\\.0|latest', { exact: true })).toBeVisible()

  // Run now: one image for both tags, so one scan is queued and the other tag shares it.
  await page.getByRole('button', { name: 'Run now' }).click()
  await expect(page.getByRole('status').filter({ hasText: /^Queued 1 scan; 1 matching tag already had one running\.$/ })).toBeVisible()
  const tasks = table(page, 'Scans started by this rule')
  await expect.poll(() => rowLinkNames(tasks)).toEqual(['demo/shop-app:1.0.0'])
  await expect(await cellIn(tasks, bodyRows(tasks).first(), 'Started by')).toHaveText(/^Run now/)

  // Delete asks first; Cancel keeps the rule.
  await page.getByRole('button', { name: 'Delete', exact: true }).click()
  const dialog = page.getByRole('alertdialog', { name: 'Delete rule shop releases?' })
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  await expect(page).toHaveURL(rulePath)
  await page.getByRole('button', { name: 'Delete', exact: true }).click()
  await dialog.getByRole('button', { name: 'Delete rule' }).click()
  await expect(page).toHaveURL(`/instances/${instanceId}/rules`)
  await expect.poll(() => rowLinkNames(table(page, 'Scan rules'))).toEqual(['taken'])
  const left = await callApi(request, 'listScanRule', { instanceId })
  expect(left.items.map((r) => r.ruleName)).toEqual(['taken'])
})

test('the rules list keeps its scan-type filter and page in the URL across a reload', async ({ page, request }) => {
  const instanceId = await demoInstanceId(request)
  await deleteAllRules(request, instanceId)
  for (const [ruleName, scanType] of [
    ['vul one', 'VUL'],
    ['sbom one', 'SBOM'],
    ['sbom two', 'SBOM'],
    ['sbom three', 'SBOM'],
  ] as const) {
    await callApi(request, 'createScanRule', { instanceId, ruleName, scanType, scanScope: 'INSTANCE', triggerType: 'MANUAL', repoTagFilterPattern: '.*' })
  }
  await page.goto(`/instances/${instanceId}/rules?pageSize=2`)
  const rules = table(page, 'Scan rules')
  await expect.poll(() => rowLinkNames(rules)).toEqual(['sbom three', 'sbom two'])

  await page.getByRole('combobox', { name: 'Scan type' }).selectOption('SBOM')
  await expect(page).toHaveURL(/[?&]scanType=SBOM/)
  await page.getByRole('button', { name: 'Next page' }).click()
  await expect(page).toHaveURL(/[?&]pageNo=2/)
  await expect.poll(() => rowLinkNames(rules)).toEqual(['sbom one'])

  await page.reload()
  await expect(page.getByRole('combobox', { name: 'Scan type' })).toHaveValue('SBOM')
  await expect(page.getByRole('button', { name: 'Page 2' })).toHaveAttribute('aria-current', 'page')
  await expect.poll(() => rowLinkNames(rules)).toEqual(['sbom one'])

  // Changing the filter goes back to page 1.
  await page.getByRole('combobox', { name: 'Scan type' }).selectOption('VUL')
  await expect(page).not.toHaveURL(/pageNo=/)
  await expect.poll(() => rowLinkNames(rules)).toEqual(['vul one'])
})

test('a rule can be written and saved by keyboard alone', async ({ page, request }) => {
  const instanceId = await demoInstanceId(request)
  await deleteAllRules(request, instanceId)
  await page.goto(`/instances/${instanceId}/rules`)
  const newRule = page.getByRole('link', { name: 'New rule' }).first()
  await tabTo(page, newRule)
  await expectVisibleFocus(newRule)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'New scan rule' })).toBeVisible()

  const name = field(page, 'Name')
  await tabTo(page, name)
  await page.keyboard.type('keyboard rule')
  // The scope is one radio group: Tab enters it at the checked choice, arrows move the choice.
  await page.keyboard.press('Tab')
  await expect(page.getByRole('radio', { name: /^Whole instance/ })).toBeFocused()
  await page.keyboard.press('ArrowRight')
  await expect(page.getByRole('radio', { name: /^Namespaces/ })).toBeChecked()
  await page.keyboard.press('Tab')
  await expect(field(page, 'Namespaces')).toBeFocused()
  await page.keyboard.type('demo')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(`/instances/${instanceId}/rules/new`)
  // The chosen namespace's remove button is reachable too; Tab past it to the pattern.
  await page.keyboard.press('Shift+Tab')
  await expect(page.getByRole('button', { name: 'Remove demo' })).toBeFocused()
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  const pattern = field(page, 'Tag pattern')
  await expect(pattern).toBeFocused()
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.type('latest')
  await expect.poll(() => previewed(page)).toEqual(['demo/shop-app:latest'])
  await page.keyboard.press('Tab')
  await expect(page.getByRole('radio', { name: /^Manual/ })).toBeFocused()
  await page.keyboard.press('ArrowLeft')
  await expect(page.getByRole('radio', { name: /^On push/ })).toBeChecked()
  const create = page.getByRole('button', { name: 'Create rule' })
  await tabTo(page, create, 10)
  await expectVisibleFocus(create)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'keyboard rule' })).toBeVisible()
  const saved = (await callApi(request, 'listScanRule', { instanceId })).items
  expect(saved).toMatchObject([{ ruleName: 'keyboard rule', scanScope: 'NAMESPACE', namespaces: ['demo'], repoTagFilterPattern: 'latest', triggerType: 'AUTO', scanType: 'VUL' }])
})

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme })

    test('the rules list, the form with its preview and an error, and a rule’s page pass axe', async ({ page, request }) => {
      const instanceId = await demoInstanceId(request)
      await deleteAllRules(request, instanceId)
      const { scanRuleId } = await callApi(request, 'createScanRule', {
        instanceId,
        ruleName: 'axe rule',
        scanScope: 'REPO',
        namespaces: '["demo"]',
        repoNames: '["shop-app","not-yet"]',
        triggerType: 'AUTO',
        repoTagFilterPattern: '.*',
      })

      await page.goto(`/instances/${instanceId}/rules`)
      if (scheme === 'dark') await expect(page.locator('html')).toHaveClass(/(^|\s)dark(\s|$)/)
      await expect(table(page, 'Scan rules')).toHaveAttribute('aria-busy', 'false')
      await expect(page).toHaveTitle('Scan rules · demo · Layerscope')
      await expectNoSeriousA11yViolations(page)

      await page.goto(`/instances/${instanceId}/rules/new`)
      await page.getByRole('radio', { name: /^Namespaces/ }).check()
      await field(page, 'Namespaces').fill('demo future')
      await field(page, 'Namespaces').press('Enter')
      await expect.poll(() => previewed(page)).toHaveLength(7)
      await field(page, 'Tag pattern').fill('(?=x)')
      await expect(field(page, 'Tag pattern')).toHaveAttribute('aria-invalid', 'true')
      await page.getByRole('button', { name: 'Create rule' }).click()
      await expect(field(page, 'Name')).toBeFocused()
      await expectNoSeriousA11yViolations(page)

      await page.goto(`/instances/${instanceId}/rules/${scanRuleId}`)
      await expect(page.getByRole('heading', { level: 1, name: 'axe rule' })).toBeVisible()
      await expect.poll(() => previewed(page)).toEqual(['demo/shop-app:1.0.0', 'demo/shop-app:latest'])
      await expect(table(page, 'Scans started by this rule')).toHaveAttribute('aria-busy', 'false')
      await expectNoSeriousA11yViolations(page)

      await page.getByRole('button', { name: 'Delete', exact: true }).click()
      await expect(page.getByRole('alertdialog', { name: 'Delete rule axe rule?' })).toBeVisible()
      await expectNoSeriousA11yViolations(page)
    })
  })
}

/**
 * An ACR instance (a fake upstream) whose database still holds rules saved in Layerscope
 * before ACR instances' rules moved to ACR: only a seeded database has them, so this block
 * runs a server of its own, behind the sign-in proxy for a viewer and an operator.
 */
test.describe('rules saved in Layerscope for an ACR instance', () => {
  const accessKey = { id: 'LTAIe2eLegacyRules01', secret: 'e2e legacy rules access key secret' }
  // The fake reads this object on every request: taking the key out makes ACR refuse the next call.
  const keys: Record<string, string> = { [accessKey.id]: accessKey.secret }
  const server = proxyAuthServer({ name: 'legacy-rules', portOffset: 2400, env: { DEMO: 'false', SCAN_WORKERS: '0' } })
  let acr: FakeAcr | undefined
  let instanceId = ''

  test.use({ baseURL: server.origin })

  test.beforeAll(async () => {
    test.setTimeout(180_000)
    acr = await startFakeAcr(keys)
    const endpoint = acr.endpoint
    await server.start({
      seed: async () => {
        const args = ['--import', 'tsx', 'e2e/support/seed-legacy-rules.ts', endpoint, accessKey.id, accessKey.secret, 'nightly', 'on push', 'kept']
        const { stdout } = await promisify(execFile)('node', args, { env: server.env })
        instanceId = stdout.trim().split('\n').at(-1) ?? ''
      },
    })
  })
  test.afterAll(async () => {
    await server.stop()
    await acr?.close()
  })

  const notice = (page: Page) => page.getByRole('region', { name: 'Rules saved in Layerscope' })

  test('a viewer sees them, newest first, with actions disabled that say why', async ({ page }) => {
    await page.setExtraHTTPHeaders(server.as('vic', 'viewer'))
    await page.goto(`/instances/${instanceId}/rules`)
    await expect(notice(page)).toContainText('3 rules were saved in Layerscope before this instance’s rules moved to ACR.')
    const saved = table(page, 'Rules saved in Layerscope')
    await expect(bodyRows(saved)).toHaveCount(3)
    expect((await bodyRows(saved).allInnerTexts()).map((row) => row.split('\n')[0]?.trim())).toEqual(['kept', 'on push', 'nightly'])
    const nightly = bodyRows(saved).filter({ hasText: 'nightly' })
    await expect(await cellIn(saved, nightly, 'Scope')).toContainText('Namespaces')
    await expect(await cellIn(saved, nightly, 'Scope')).toContainText('prod-.*')
    await expect(await cellIn(saved, nightly, 'Trigger')).toHaveText('On push')
    await expect(page.getByRole('button', { name: /^Create nightly in ACR \(Your role \(Viewer\)/ })).toBeDisabled()
    await expect(page.getByRole('button', { name: /^Delete nightly \(Your role \(Viewer\)/ })).toBeDisabled()
    // ACR's own rules are the instance's rules list; none yet.
    await expect(page.getByText('No scan rules yet')).toBeVisible()
    await expectNoSeriousA11yViolations(page)
  })

  test('an operator creates one in ACR, keeps one ACR refused with its error, and deletes one after confirming', async ({ page }) => {
    await page.setExtraHTTPHeaders(server.as('olga', 'operator'))
    await page.goto(`/instances/${instanceId}/rules`)
    const saved = table(page, 'Rules saved in Layerscope')
    await expect(bodyRows(saved)).toHaveCount(3)

    // Created in ACR: it leaves this list and is one of the instance's rules, read from ACR.
    await page.getByRole('button', { name: 'Create nightly in ACR' }).click()
    await expect(page.getByText('Created rule nightly in ACR')).toBeVisible()
    await expect(bodyRows(saved)).toHaveCount(2)
    await expect(notice(page)).toContainText('2 rules were saved')
    await expect.poll(() => rowLinkNames(table(page, 'Scan rules'))).toEqual(['nightly'])
    expect([...(acr?.rules.values() ?? [])].map((r) => r.RuleName)).toEqual(['nightly'])

    // ACR refuses the next call (the AccessKey is gone): the rule stays, with ACR's error beside it.
    delete keys[accessKey.id]
    try {
      await page.getByRole('button', { name: 'Create kept in ACR' }).click()
      const kept = bodyRows(saved).filter({ hasText: 'kept' })
      await expect(kept.getByRole('alert')).toContainText(/creating scan rule kept/)
      await expect(bodyRows(saved)).toHaveCount(2)
    } finally {
      keys[accessKey.id] = accessKey.secret
    }
    await expectNoSeriousA11yViolations(page)

    // Delete asks first (Cancel has focus), then removes only our copy.
    await page.getByRole('button', { name: 'Delete on push' }).click()
    const dialog = page.getByRole('alertdialog', { name: 'Delete rule on push?' })
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused()
    await expectNoSeriousA11yViolations(page)
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
    await expect(bodyRows(saved)).toHaveCount(2)
    await page.getByRole('button', { name: 'Delete on push' }).click()
    await dialog.getByRole('button', { name: 'Delete rule' }).click()
    await expect(page.getByText('Deleted rule on push')).toBeVisible()
    await expect(bodyRows(saved)).toHaveCount(1)
    await expect(notice(page)).toContainText('1 rule was saved')
    expect([...(acr?.rules.values() ?? [])].map((r) => r.RuleName)).toEqual(['nightly'])
  })

  test('a rule another tab already created in ACR leaves this tab’s list with a notice saying why', async ({ page, context }) => {
    const operator = server.as('olga', 'operator')
    await page.setExtraHTTPHeaders(operator)
    await page.goto(`/instances/${instanceId}/rules`)
    const saved = table(page, 'Rules saved in Layerscope')
    await expect(bodyRows(saved)).toHaveCount(1)

    const other = await context.newPage()
    await other.setExtraHTTPHeaders(operator)
    await other.goto(`/instances/${instanceId}/rules`)
    await other.getByRole('button', { name: 'Create kept in ACR' }).click()
    await expect(other.getByText('Created rule kept in ACR')).toBeVisible()
    await other.close()

    // This tab still lists it: creating it again is refused, and the list is read again.
    await page.getByRole('button', { name: 'Create kept in ACR' }).click()
    await expect(page.getByText('Rule kept is no longer a legacy rule')).toBeVisible()
    await expect(notice(page)).toBeHidden()
    await expect.poll(() => rowLinkNames(table(page, 'Scan rules'))).toEqual(['kept', 'nightly'])
    expect([...(acr?.rules.values() ?? [])].map((r) => r.RuleName).sort()).toEqual(['kept', 'nightly'])
  })
})
