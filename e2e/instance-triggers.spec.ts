import { readyDemoInstance } from './support/api'
import { expect, expectNoSeriousA11yViolations, test } from './support/fixtures'

/**
 * The instance page's "Automatic scans" section: making a webhook secret shows it once,
 * with the URL, header and registry configuration to paste; reloading forgets it.
 */
test('a webhook secret is shown once with the registry configuration, then only its state', async ({ page, request }) => {
  const demo = await readyDemoInstance(request)
  await page.goto(`/instances/${demo.instanceId}`)
  const section = page.getByRole('region', { name: 'Automatic scans' })
  await expect(section.getByText(`/api/hooks/registry/${demo.instanceId}`)).toBeVisible()
  await expect(section.getByLabel('Re-sync and scan new or moved tags that AUTO rules match')).toHaveValue('off')
  await expectNoSeriousA11yViolations(page)

  await section.getByRole('button', { name: 'Make a secret' }).click()
  const shown = section.getByRole('status').filter({ hasText: 'it is not shown again' })
  await expect(shown).toBeVisible()
  const config = await shown.locator('pre').textContent()
  expect(config).toMatch(/X-Layerscope-Webhook-Secret: \[lswh_[A-Za-z0-9_-]{43}\]/)
  expect(config).toContain(`url: ${new URL(page.url()).origin}/api/hooks/registry/${demo.instanceId}`)
  await expectNoSeriousA11yViolations(page)

  await page.reload()
  await expect(section.getByRole('button', { name: 'Rotate secret' })).toBeVisible()
  await expect(section.getByText('it is not shown again')).toHaveCount(0)
  await section.getByRole('button', { name: 'Remove' }).click()
  await expect(section.getByRole('button', { name: 'Make a secret' })).toBeVisible()
})
