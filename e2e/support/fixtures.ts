import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type Page } from '@playwright/test'

/**
 * Every test fails on a page error or an unexpected console error, so a broken render
 * cannot pass by showing nothing. Every page of the test's browser context is watched,
 * including pages a test opens itself (a copied link in a new tab).
 */
export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ context }, use) => {
      const errors: string[] = []
      // Some CSP violations (a blocked eval probe) never reach the console on their own.
      await context.addInitScript(() =>
        document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.effectiveDirective} ${e.blockedURI}`)),
      )
      const watch = (page: Page) => {
        page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`))
        page.on('console', (msg) => {
          // 4xx answers the UI handles (and shows) are logged by Chromium as resource errors.
          if (msg.type() === 'error' && !/Failed to load resource/.test(msg.text())) errors.push(`console: ${msg.text()}`)
        })
      }
      context.pages().forEach(watch)
      context.on('page', watch)
      await use(errors)
      expect(errors, 'page errors').toEqual([])
    },
    { auto: true },
  ],
})
export { expect }

/**
 * axe with WCAG 2.x A/AA rules: no serious or critical violation is allowed. `include`
 * narrows the check to a part of the page that changed (another tab's panel).
 */
export async function expectNoSeriousA11yViolations(page: Page, { include }: { include?: string } = {}) {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
  if (include) builder = builder.include(include)
  const results = await builder.analyze()
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    'serious or critical axe violations',
  ).toEqual([])
}
