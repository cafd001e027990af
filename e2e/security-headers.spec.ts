import { expect, test } from './support/fixtures'

/**
 * The app and the docs page run under the server's CSP with no violation: any blocked
 * script or style would also be a console error, which the fixture fails on.
 */
test.describe('content security policy', () => {
  test.beforeEach(async ({ page }) => {
    // Init scripts run through the DevTools protocol, outside the page's CSP.
    await page.addInitScript(() => {
      const w = window as unknown as { cspViolations: string[] }
      w.cspViolations = []
      document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`))
    })
  })

  test('the dashboard renders with its strict policy', async ({ page }) => {
    const res = await page.goto('/')
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self';")
    await expect(page.getByRole('main')).toBeVisible()
    await page.waitForLoadState('networkidle')
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([])
  })

  test('the API docs page keeps its styling through the style hash', async ({ page }) => {
    const res = await page.goto('/api/docs')
    expect(res?.headers()['content-security-policy']).toMatch(/style-src 'self' 'sha256-/)
    await expect(page.getByRole('heading', { level: 1 })).toContainText('API')
    expect(await page.evaluate(() => getComputedStyle(document.body).maxWidth)).toBe('960px')
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([])
  })

  test('style attributes are allowed, inline style elements and scripts are not', async ({ page, pageErrors }) => {
    await page.goto('/')
    await expect(page.getByRole('main')).toBeVisible()
    const result = await page.evaluate(async () => {
      const host = document.createElement('div')
      host.innerHTML = '<span id="csp-attr" style="outline-width: 7px; outline-style: solid"></span>'
      document.body.append(host)
      const style = document.createElement('style')
      style.textContent = '#csp-attr { outline-color: rgb(1, 2, 3) }'
      document.head.append(style)
      const script = document.createElement('script')
      script.textContent = 'window.cspInlineRan = true'
      document.head.append(script)
      await new Promise((r) => setTimeout(r, 50))
      const span = document.getElementById('csp-attr') as HTMLElement
      const w = window as unknown as { cspInlineRan?: boolean; cspViolations: string[] }
      const out = { attr: getComputedStyle(span).outlineWidth, color: getComputedStyle(span).outlineColor, ran: w.cspInlineRan === true, violations: [...w.cspViolations] }
      host.remove()
      style.remove()
      script.remove()
      return out
    })
    expect(result.attr).toBe('7px')
    expect(result.color).not.toBe('rgb(1, 2, 3)')
    expect(result.ran).toBe(false)
    expect(result.violations.map((v) => v.split(' ')[0]).sort()).toEqual(['script-src-elem', 'style-src-elem'])
    // Chromium's own messages, and the fixture's `CSP violation:` lines, for the two blocked elements.
    const blocked = /(Applying inline style|Executing inline script|Refused to (apply inline style|execute inline script)|CSP violation: (style|script)-src-elem)/
    await expect.poll(() => pageErrors.filter((e) => blocked.test(e)).length).toBe(4)
    const expected = pageErrors.filter((e) => blocked.test(e))
    pageErrors.splice(0, pageErrors.length, ...pageErrors.filter((e) => !expected.includes(e)))
  })
})
