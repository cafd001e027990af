import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import type { Page } from '@playwright/test'
import { expect, expectNoSeriousA11yViolations, test } from './support/fixtures'
import { bodyRows, table } from './support/page-parts'
import { spawnedServer } from './support/spawned-server'

/**
 * Sign-in on a server that requires it (the shared e2e server listens on loopback with
 * sign-in off, so this file starts its own with AUTH_MODE=required, 2000 ports up).
 * Tokens come from `npm run token`, as the first admin's must.
 */
const server = spawnedServer({ name: 'auth', portOffset: 2000, env: { AUTH_MODE: 'required', DEMO: 'false', SCAN_WORKERS: '0' } })
const ORIGIN = server.origin
const run = promisify(execFile)
const tokens = { admin: '', viewer: '' }

async function makeToken(name: string, role: string): Promise<string> {
  const { stdout } = await run('node', ['--import', 'tsx', 'server/cli/token.ts', 'create', '--name', name, '--role', role], { env: server.env })
  const secret = /lsk_[A-Za-z0-9_-]{43}/.exec(stdout)?.[0]
  if (!secret) throw new Error(`no token in: ${stdout}`)
  return secret
}

test.beforeAll(async () => {
  test.setTimeout(120_000)
  // PGlite serves one process: tokens first, then the server.
  await server.start({
    seed: async () => {
      tokens.admin = await makeToken('ada', 'admin')
      tokens.viewer = await makeToken('vic', 'viewer')
    },
  })
})

test.afterAll(() => server.stop())

async function signInHere(page: Page, token: string) {
  await page.getByLabel('API token').fill(token)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

test('a shared link opened without a session asks for sign-in in place and then shows that same view', async ({ page, context }) => {
  const link = `${ORIGIN}/instances?instanceName=nothing-matches`
  await page.goto(link)
  await expect(page.getByRole('heading', { name: 'Sign in to Layerscope' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeDisabled()
  await expectNoSeriousA11yViolations(page)

  await signInHere(page, 'lsk_not-a-real-token-but-long-enough-to-look-like-one')
  await expect(page.getByText(/unknown, revoked or expired/)).toBeVisible()

  await signInHere(page, tokens.viewer)
  await expect(page.getByRole('heading', { name: 'Instances', level: 1 })).toBeVisible()
  expect(page.url()).toBe(link)
  await expect(page.getByText('No instances match')).toBeVisible()
  await expect(page.getByText('vic (Viewer)')).toBeVisible()
  // A viewer is not offered the admin pages.
  await expect(page.getByRole('link', { name: 'Tokens' })).toHaveCount(0)
  await expect(page.getByRole('link', { name: 'Audit log' })).toHaveCount(0)

  const [cookie] = (await context.cookies(ORIGIN)).filter((c) => c.name === '__Host-layerscope-session')
  expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' })
})

test('a page the role may not see says "You need access" and switching user returns to it', async ({ page }) => {
  await page.goto(`${ORIGIN}/`)
  await signInHere(page, tokens.viewer)
  await page.goto(`${ORIGIN}/admin/tokens`)
  await expect(page.getByRole('heading', { name: 'You need access' })).toBeVisible()
  await expect(page.getByText(/signed in as vic \(Viewer\).*needs the admin role/)).toBeVisible()
  await expectNoSeriousA11yViolations(page)

  await page.getByRole('button', { name: 'Sign in as someone else' }).click()
  await expect(page.getByRole('heading', { name: 'Sign in to Layerscope' })).toBeVisible()
  await signInHere(page, tokens.admin)
  await expect(page.getByRole('heading', { name: 'API tokens', level: 1 })).toBeVisible()
  expect(new URL(page.url()).pathname).toBe('/admin/tokens')
})

test('the sign-in page returns to where it was sent from, and only within the app', async ({ page }) => {
  await page.goto(`${ORIGIN}/sign-in?returnTo=${encodeURIComponent('/audit?action=createApiToken')}`)
  await signInHere(page, tokens.admin)
  await expect(page.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible()
  expect(page.url()).toBe(`${ORIGIN}/audit?action=createApiToken`)

  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('heading', { name: 'Sign in to Layerscope' })).toBeVisible()
  await page.goto(`${ORIGIN}/sign-in?returnTo=${encodeURIComponent('//evil.example/x')}`)
  await signInHere(page, tokens.admin)
  await expect(page).toHaveURL(`${ORIGIN}/instances`)
})

test('an admin creates a token (shown once), revokes it after confirming, and the audit log shows both', async ({ page }) => {
  await page.goto(`${ORIGIN}/admin/tokens`)
  await signInHere(page, tokens.admin)
  await page.getByRole('button', { name: 'Create token' }).first().click()
  const dialog = page.getByRole('dialog', { name: 'Create API token' })
  await dialog.getByLabel('Name').fill('nightly export')
  await dialog.getByLabel('Role').selectOption('operator')
  await expectNoSeriousA11yViolations(page)
  await dialog.getByRole('button', { name: 'Create token' }).click()
  const secret = (await page.getByLabel('New API token').innerText()).trim()
  expect(secret).toMatch(/^lsk_[A-Za-z0-9_-]{43}$/)
  await page.getByRole('button', { name: 'Done' }).click()
  await expect(page.getByText(secret)).toHaveCount(0)

  const tokensTable = table(page, 'API tokens')
  const row = bodyRows(tokensTable).filter({ hasText: 'nightly export' })
  await expect(row).toContainText('operator')
  await row.getByRole('button', { name: 'Revoke nightly export' }).click()
  const confirm = page.getByRole('alertdialog', { name: 'Revoke nightly export?' })
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await confirm.getByRole('button', { name: 'Revoke token' }).click()
  await expect(bodyRows(tokensTable).filter({ hasText: 'nightly export' })).toHaveCount(0)
  const refused = await page.request.get(`${ORIGIN}/api/v1/listInstance`, { headers: { authorization: `Bearer ${secret}` } })
  expect(refused.status()).toBe(401)

  await page.getByRole('link', { name: 'Audit log' }).click()
  const audit = table(page, 'Audit events')
  await expect(bodyRows(audit).filter({ hasText: 'Revoke API token' })).toContainText('ada')
  await expect(bodyRows(audit).filter({ hasText: 'Create API token' }).filter({ hasText: 'nightly export' })).toHaveCount(1)
  await expect(page.getByText(secret)).toHaveCount(0)
  await page.getByLabel('Action (operation name)').fill('revokeApiToken')
  await expect(page).toHaveURL(/action=revokeApiToken/)
  await expect(bodyRows(audit)).toHaveCount(1)
  await expectNoSeriousA11yViolations(page)
})
