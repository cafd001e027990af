import { afterEach, describe, expect, it, vi } from 'vitest'
import { callOperation, onSignedOut } from '@/api/client'

/** The API client keeps the session's CSRF token and sends it on writes (server/auth/auth-middleware.ts). */
const session = (csrfToken: string | null) => ({
  authMode: 'required',
  principal: { id: 'tok-aaaaaaaaaaaaaaaa', name: 'ada', role: 'admin', via: 'session' },
  csrfToken,
  permissions: ['createApiToken'],
  signIn: { token: true, proxy: false },
})
const revoked = { tokenId: 'tok-aaaaaaaaaaaaaaaa', name: 'ci', role: 'viewer', createdBy: 'ada', createTime: 1, lastUsedTime: null, expireTime: null, revoked: true, revokeTime: 2 }
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

function stubFetch(...answers: Response[]) {
  const fetchMock = vi.fn((_url: string, _init?: RequestInit) => Promise.resolve(answers.shift() ?? json(500, {})))
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}
const sentCsrf = (init: RequestInit | undefined) => new Headers(init?.headers).get('x-csrf-token')

afterEach(async () => {
  stubFetch(json(200, { ok: true }))
  await callOperation('deleteSession', {}) // forget the token between tests
  vi.unstubAllGlobals()
})

describe('the CSRF token', () => {
  it('comes from getSession and goes on POSTs only', async () => {
    const fetchMock = stubFetch(json(200, session('csrf-1')), json(200, { items: [], totalCount: 0, pageNo: 1, pageSize: 30 }), json(200, revoked))
    await callOperation('getSession', {})
    await callOperation('listApiToken', {})
    await callOperation('revokeApiToken', { tokenId: revoked.tokenId })
    expect(sentCsrf(fetchMock.mock.calls[1]?.[1])).toBeNull()
    expect(sentCsrf(fetchMock.mock.calls[2]?.[1])).toBe('csrf-1')
  })

  it('is fetched again once when the server calls it stale, and the write retried', async () => {
    const stale = json(403, { code: 'CSRF_TOKEN_INVALID', message: 'stale', requestId: 'r1' })
    const fetchMock = stubFetch(json(200, session('old')), stale, json(200, session('new')), json(200, revoked))
    await callOperation('getSession', {})
    await expect(callOperation('revokeApiToken', { tokenId: revoked.tokenId })).resolves.toMatchObject({ revoked: true })
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual(['/api/v1/getSession', '/api/v1/revokeApiToken', '/api/v1/getSession', '/api/v1/revokeApiToken'])
    expect(sentCsrf(fetchMock.mock.calls[3]?.[1])).toBe('new')
  })

  it('is dropped at sign-out', async () => {
    const fetchMock = stubFetch(json(200, session('c')), json(200, { ok: true }), json(200, revoked))
    await callOperation('getSession', {})
    await callOperation('deleteSession', {})
    await callOperation('revokeApiToken', { tokenId: revoked.tokenId })
    expect(sentCsrf(fetchMock.mock.calls[2]?.[1])).toBeNull()
  })
})

describe('onSignedOut', () => {
  it('hears every UNAUTHENTICATED answer until unsubscribed', async () => {
    const listener = vi.fn()
    const stop = onSignedOut(listener)
    stubFetch(json(401, { code: 'UNAUTHENTICATED', message: 'sign in', requestId: 'r' }), json(401, { code: 'UNAUTHENTICATED', message: 'sign in', requestId: 'r' }))
    await expect(callOperation('listInstance', {})).rejects.toMatchObject({ code: 'UNAUTHENTICATED', status: 401 })
    stop()
    await expect(callOperation('listInstance', {})).rejects.toMatchObject({ code: 'UNAUTHENTICATED' })
    expect(listener).toHaveBeenCalledTimes(1)
  })
})
