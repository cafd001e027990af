import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDirectorySource } from '../engine/acquire/directory-source'
import { writeDemoImages, type DemoFixture } from '../engine/acquire/testing/demo-fixture'
import { startTestRegistry } from '../engine/acquire/testing/test-registry'
import { isEncrypted, KEY_FILE } from '../instances/credentials-crypto'
import { getInstanceConnection, insertInstance } from '../instances/instance-store'
import type { TestApp } from '../testing/test-app'
import { PROXY_SECRET_HEADER } from './auth-settings'
import { callAs, signIn, startAuthTestApp, tokenFor, type RawResult } from './testing/auth-test-app'

/**
 * Registry passwords, API tokens, session cookies, the proxy secret and the credentials
 * key never appear in an API answer (bar the one answer that hands out a new token) or
 * in the log, at debug level, across sign-in, instance creation with a password, a
 * failing connection, sync, the audit log and sign-out.
 */
let demo: DemoFixture
beforeAll(async () => {
  demo = await writeDemoImages()
}, 120_000)
afterAll(() => demo.remove())

describe('secrets stay secret', () => {
  it('in answers, logs, the audit log and the database', async () => {
    const password = `pw-${randomBytes(12).toString('hex')}`
    const wrongPassword = `wrong-${randomBytes(12).toString('hex')}`
    const proxySecret = `proxy-${randomBytes(24).toString('hex')}`
    const credentialsKey = randomBytes(32)
    const source = await openDirectorySource(demo.dir)
    const registry = await startTestRegistry({ from: source, auth: { mode: 'basic', username: 'alice', password } })
    await source.close()
    const logLines: string[] = []
    const t: TestApp = await startAuthTestApp({
      logLines,
      credentialsKey,
      auth: { proxy: { userHeader: 'x-forwarded-user', secret: proxySecret, defaultRole: 'admin' } },
    })
    try {
      const answers: RawResult[] = []
      const call = async (...args: Parameters<typeof callAs> extends [unknown, ...infer R] ? R : never) => {
        const res = await callAs(t, ...args)
        answers.push(res)
        return res
      }
      const admin = await tokenFor(t, 'admin', 'secret-test-admin')
      const minted = await callAs(t, 'createApiToken', { name: 'minted', role: 'operator' }, { bearer: admin })
      const mintedSecret = String(minted.body.secret)
      expect(mintedSecret).toMatch(/^lsk_/)

      const signInRes = await callAs(t, 'createSession', { token: admin })
      const session = await signIn(t, admin)
      const asSession = { cookie: session.cookie, csrf: session.csrf }
      answers.push({ ...signInRes, headers: new Headers() })

      const bad = await call('createInstance', { kind: 'REGISTRY', instanceName: 'bad', url: registry.url, username: 'alice', password: wrongPassword }, asSession)
      expect(bad.body.code).toBe('REGISTRY_AUTH_FAILED')
      await call('testInstanceConnection', { kind: 'REGISTRY', url: registry.url, username: 'alice', password: wrongPassword }, asSession)
      const created = await call('createInstance', { kind: 'REGISTRY', instanceName: 'private', url: registry.url, username: 'alice', password }, asSession)
      expect(created.status, `${created.text}\n${logLines.filter((l) => l.includes('"level":"error"')).join('\n')}`).toBe(200)
      const instanceId = String(created.body.instanceId)
      await t.booted.sync.idle()
      // The sync read the registry with the decrypted password.
      expect((await call('getInstance', { instanceId }, asSession)).body).toMatchObject({ syncStatus: 'READY', hasPassword: true })
      await call('listInstance', {}, { bearer: mintedSecret })
      await call('syncInstance', { instanceId }, { bearer: mintedSecret })
      await t.booted.sync.idle()
      await call('listInstance', {}, { headers: { 'x-forwarded-user': 'proxy-user', [PROXY_SECRET_HEADER]: proxySecret } })
      await call('listInstance', {}, { headers: { 'x-forwarded-user': 'proxy-user', [PROXY_SECRET_HEADER]: 'guess' } })
      await call('listInstance', {}, { bearer: `${admin}x` })
      await call('listApiToken', { includeRevoked: 'true' }, asSession)
      const audit = await call('listAuditEvent', { pageSize: 100 }, asSession)
      expect((audit.body.items as { action: string }[]).map((e) => e.action)).toEqual(expect.arrayContaining(['createInstance', 'createApiToken', 'createSession', 'syncInstance']))
      await call('deleteSession', {}, asSession)
      for (const url of ['/api/openapi.json', '/api/healthz']) {
        const res = await t.request(url)
        answers.push({ status: res.status, body: {}, headers: res.headers, text: await res.text() })
      }

      const secrets = { password, wrongPassword, proxySecret, admin, mintedSecret, sessionCookie: session.cookie, key: credentialsKey.toString('base64') }
      const answerText = answers.map((a) => `${a.text}\n${[...a.headers].map(([k, v]) => `${k}: ${v}`).join('\n')}`).join('\n')
      const logText = logLines.join('\n')
      expect(logLines.length).toBeGreaterThan(10)
      for (const [what, secret] of Object.entries(secrets)) {
        expect(answerText.includes(secret), `${what} in an API answer`).toBe(false)
        expect(logText.includes(secret), `${what} in the log`).toBe(false)
      }
      expect(logText.includes(session.csrf), 'the CSRF token in the log').toBe(false)

      const rows = await t.db.selectFrom('instances').select(['id', 'password']).execute()
      expect(rows).toHaveLength(1)
      expect(isEncrypted(rows[0]?.password ?? '')).toBe(true)
      expect(rows[0]?.password).not.toContain(password)
      const stored = JSON.stringify(await t.db.selectFrom('audit_events').selectAll().execute()) + JSON.stringify(await t.db.selectFrom('api_tokens').selectAll().execute())
      for (const [what, secret] of Object.entries(secrets)) expect(stored.includes(secret), `${what} stored`).toBe(false)
    } finally {
      await t.close()
      await registry.stop()
    }
  })

  it('passwords stored before encryption are encrypted at the next start, with a 0600 key file', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'layerscope-crypt-'))
    const first = await startAuthTestApp({ dataDir })
    const schema = first.database.schema
    await insertInstance(first.db, 'cri-aaaaaaaaaaaaaaaa', 'old', { kind: 'REGISTRY', endpoint: 'http://127.0.0.1:9', username: 'u', password: 'placeholder', insecureTls: false })
    // As a row written by a version without encryption.
    await first.db.updateTable('instances').set({ password: 'plain-old-password' }).execute()
    await first.close({ keepDatabase: true })

    const second = await startAuthTestApp({ dataDir, schema })
    try {
      const row = await second.db.selectFrom('instances').select('password').executeTakeFirstOrThrow()
      expect(isEncrypted(row.password ?? '')).toBe(true)
      expect((await getInstanceConnection(second.db, 'cri-aaaaaaaaaaaaaaaa')).password).toBe('plain-old-password')
      const stat = await fs.stat(path.join(dataDir, KEY_FILE))
      expect(stat.mode & 0o777).toBe(0o600)
    } finally {
      await second.close()
    }
  })
})
