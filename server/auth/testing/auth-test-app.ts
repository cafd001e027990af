import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { CSRF_HEADER, type Role } from '@contract/auth'
import { operations, type OperationName } from '@contract/operations'
import { boot } from '../../boot'
import { createLogger, type LogLevel } from '../../log'
import { TEST_SCAN_SETTINGS, TestApp, testDatabaseUrl } from '../../testing/test-app'
import { AUTH_OFF, type AuthSettings, type ProxySettings } from '../auth-settings'
import { SESSION_COOKIE } from '../session-cookie'
import { createToken } from '../token-store'

export interface AuthTestAppOptions {
  auth?: Partial<AuthSettings>
  /** Every log line the app writes, for tests that look for leaked secrets. */
  logLines?: string[]
  logLevel?: LogLevel
  credentialsKey?: Buffer
  /** Boot on this data directory (PGlite on disk), e.g. a second time to restart. */
  dataDir?: string
  /** With dataDir, in the PostgreSQL pass: the schema of the app being restarted. */
  schema?: string | undefined
}

/**
 * The real app with sign-in on (startTestApp boots it with sign-in off, as on loopback):
 * a fresh in-memory PGlite, or a fresh schema in the PostgreSQL pass.
 */
export async function startAuthTestApp(opts: AuthTestAppOptions = {}): Promise<TestApp> {
  const databaseUrl = testDatabaseUrl()
  const dataDir = opts.dataDir ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'layerscope-auth-')))
  const schema = opts.schema ?? (databaseUrl ? `t_${randomBytes(6).toString('hex')}` : undefined)
  const lines = opts.logLines
  const booted = await boot({
    databaseUrl,
    dataDir: opts.dataDir,
    schema,
    demo: false,
    auth: { ...AUTH_OFF, mode: 'required', ...opts.auth },
    credentialsKey: opts.credentialsKey,
    log: lines ? createLogger(opts.logLevel ?? 'debug', {}, (line) => lines.push(line)) : createLogger('silent'),
    scans: { ...TEST_SCAN_SETTINGS, cacheDir: path.join(dataDir, 'cache') },
  })
  return new TestApp(booted, { dataDir, schema, persistent: opts.dataDir !== undefined }, databaseUrl ? 'postgres' : 'pglite')
}

/** A trusted sign-in proxy that names the user and, optionally, the role; anyone else is a viewer. */
export const TEST_PROXY: ProxySettings = {
  userHeader: 'x-forwarded-user',
  secret: 'proxy-secret-0123456789-abcdefghijklmnop',
  roleHeader: 'x-forwarded-role',
  defaultRole: 'viewer',
}

/** startAuthTestApp behind TEST_PROXY: bearer tokens, cookie sessions and the proxy all sign in. */
export function startProxyAuthTestApp(): Promise<TestApp> {
  return startAuthTestApp({ auth: { proxy: TEST_PROXY } })
}

/** A fresh token of this role, straight in the database (as `npm run token -- create` makes one). */
export async function tokenFor(t: TestApp, role: Role, name = `${role}-${randomBytes(3).toString('hex')}`): Promise<string> {
  return (await createToken(t.db, { name, role, createdBy: 'test' })).secret
}

export interface Credentials {
  bearer?: string
  cookie?: string
  csrf?: string
  headers?: Record<string, string>
}

export interface RawResult {
  status: number
  body: Record<string, unknown>
  headers: Headers
  text: string
}

/** Calls an operation by name as an HTTP client would, with the given credentials. */
export async function callAs(t: TestApp, name: OperationName, input: Record<string, unknown>, cred: Credentials = {}): Promise<RawResult> {
  const op = operations[name]
  const headers: Record<string, string> = { ...cred.headers }
  if (cred.bearer) headers.authorization = `Bearer ${cred.bearer}`
  if (cred.cookie) headers.cookie = `${SESSION_COOKIE}=${cred.cookie}`
  if (cred.csrf) headers[CSRF_HEADER] = cred.csrf
  let url = `/api/v1/${name}`
  const init: RequestInit = { method: op.method, headers }
  if (op.method === 'GET') {
    const qs = new URLSearchParams()
    for (const [k, v] of Object.entries(input)) if (v !== undefined) qs.append(k, typeof v === 'string' ? v : JSON.stringify(v))
    url += `?${qs.toString()}`
  } else {
    headers['content-type'] = 'application/json'
    init.body = JSON.stringify(input)
  }
  const res = await t.request(url, init)
  const text = await res.text()
  let body: Record<string, unknown> = {}
  try {
    body = JSON.parse(text) as Record<string, unknown>
  } catch {
    body = {}
  }
  return { status: res.status, body, headers: res.headers, text }
}

/** Signs in with a token; answers the session cookie's value and the CSRF token. */
export async function signIn(t: TestApp, token: string): Promise<{ cookie: string; csrf: string; setCookie: string }> {
  const res = await callAs(t, 'createSession', { token })
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${res.text}`)
  const setCookie = res.headers.get('set-cookie') ?? ''
  const cookie = new RegExp(`${SESSION_COOKIE.replace(/[$]/g, '\\$&')}=([^;]+)`).exec(setCookie)?.[1]
  if (!cookie) throw new Error(`no session cookie in ${setCookie}`)
  return { cookie, csrf: String(res.body.csrfToken), setCookie }
}
