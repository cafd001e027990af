import { describe, expect, it } from 'vitest'
import { parseAccessKeys } from './access-keys'
import { AcrWireError } from './acr-errors'
import { NonceCache } from './nonce-cache'
import { parseTimestamp, TIMESTAMP_WINDOW_MS, verifySignedRequest } from './request-auth'
import { sign } from './signature'

const SECRET = 'a-test-secret-of-30-characters'
const keys = new Map([['LTAItest', SECRET]])
const NOW = Date.UTC(2026, 0, 15, 12, 0, 0)

function signed(overrides: Record<string, string> = {}, opts: { method?: string; secret?: string; drop?: string[] } = {}) {
  const params = new Map(
    Object.entries({
      Action: 'ListInstance',
      Version: '2018-12-01',
      Format: 'JSON',
      Timestamp: '2026-01-15T12:00:00Z',
      SignatureMethod: 'HMAC-SHA1',
      SignatureVersion: '1.0',
      SignatureNonce: 'nonce-1',
      AccessKeyId: 'LTAItest',
      ...overrides,
    }),
  )
  for (const k of opts.drop ?? []) params.delete(k)
  params.set('Signature', sign(opts.method ?? 'GET', params, opts.secret ?? SECRET))
  return { method: opts.method ?? 'GET', params }
}

async function codeOf(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn()
  } catch (err) {
    if (err instanceof AcrWireError) return `${err.status} ${err.code}`
    throw err
  }
  return 'ok'
}

describe('verifySignedRequest', () => {
  it('accepts a correctly signed request and returns its access key id', async () => {
    expect(await verifySignedRequest(signed(), { keys, nonces: new NonceCache(), now: NOW })).toBe('LTAItest')
    expect(await verifySignedRequest(signed({}, { method: 'POST' }), { keys, nonces: new NonceCache(), now: NOW })).toBe('LTAItest')
  })

  it('refuses a wrong secret, a tampered parameter and an unknown key', async () => {
    const deps = () => ({ keys, nonces: new NonceCache(), now: NOW })
    expect(await codeOf(() => verifySignedRequest(signed({}, { secret: 'another-secret-of-enough-length' }), deps()))).toBe('403 SignatureDoesNotMatch')
    const tampered = signed()
    tampered.params.set('Action', 'DeleteScanRule')
    expect(await codeOf(() => verifySignedRequest(tampered, deps()))).toBe('403 SignatureDoesNotMatch')
    expect(await codeOf(() => verifySignedRequest(signed({ AccessKeyId: 'LTAIother' }), deps()))).toBe('404 InvalidAccessKeyId.NotFound')
  })

  it('refuses a timestamp outside ±15 minutes, and accepts one just inside', async () => {
    const deps = (now: number) => ({ keys, nonces: new NonceCache(), now })
    expect(await codeOf(() => verifySignedRequest(signed(), deps(NOW + TIMESTAMP_WINDOW_MS + 1000)))).toBe('400 InvalidTimeStamp.Expired')
    expect(await codeOf(() => verifySignedRequest(signed(), deps(NOW - TIMESTAMP_WINDOW_MS - 1000)))).toBe('400 InvalidTimeStamp.Expired')
    expect(await verifySignedRequest(signed(), deps(NOW + TIMESTAMP_WINDOW_MS - 1000))).toBe('LTAItest')
    expect(await codeOf(() => verifySignedRequest(signed({ Timestamp: '2026-01-15 12:00:00' }), deps(NOW)))).toBe('400 InvalidTimeStamp.Format')
  })

  it('refuses a replayed nonce, but not the same nonce of another key', async () => {
    const nonces = new NonceCache()
    const twoKeys = new Map([...keys, ['LTAIsecond', 'second-secret-of-enough-length']])
    expect(await verifySignedRequest(signed(), { keys: twoKeys, nonces, now: NOW })).toBe('LTAItest')
    expect(await codeOf(() => verifySignedRequest(signed(), { keys: twoKeys, nonces, now: NOW + 1000 }))).toBe('400 SignatureNonceUsed')
    const other = signed({ AccessKeyId: 'LTAIsecond' }, { secret: 'second-secret-of-enough-length' })
    expect(await verifySignedRequest(other, { keys: twoKeys, nonces, now: NOW })).toBe('LTAIsecond')
  })

  it('does not record the nonce of a request whose signature failed', async () => {
    const nonces = new NonceCache()
    expect(await codeOf(() => verifySignedRequest(signed({}, { secret: 'another-secret-of-enough-length' }), { keys, nonces, now: NOW }))).toBe('403 SignatureDoesNotMatch')
    expect(nonces.size).toBe(0)
    expect(await verifySignedRequest(signed(), { keys, nonces, now: NOW })).toBe('LTAItest')
  })

  it('names the missing signature parameter, and refuses other methods and STS tokens', async () => {
    const deps = { keys, nonces: new NonceCache(), now: NOW }
    expect(await codeOf(() => verifySignedRequest(signed({}, { drop: ['SignatureNonce'] }), deps))).toBe('400 MissingParameter')
    const unsigned = signed()
    unsigned.params.delete('Signature')
    expect(await codeOf(() => verifySignedRequest(unsigned, deps))).toBe('400 MissingParameter')
    expect(await codeOf(() => verifySignedRequest(signed({ SignatureMethod: 'HMAC-SHA256' }), deps))).toBe('400 InvalidParameter')
    expect(await codeOf(() => verifySignedRequest(signed({ SecurityToken: 'sts' }), deps))).toBe('400 InvalidSecurityToken.Malformed')
  })
})

describe('NonceCache', () => {
  it('forgets a nonce once its window is over, so memory stays bounded', () => {
    const cache = new NonceCache(2)
    expect(cache.remember('k', 'a', 100, 0)).toBe('fresh')
    expect(cache.remember('k', 'b', 200, 0)).toBe('fresh')
    // Full of live nonces: refuse rather than forget one early.
    expect(cache.remember('k', 'c', 300, 50)).toBe('full')
    expect(cache.remember('k', 'a', 100, 50)).toBe('replayed')
    // a has expired: its slot is reused.
    expect(cache.remember('k', 'c', 300, 150)).toBe('fresh')
    expect(cache.size).toBe(2)
    expect(cache.remember('k', 'a', 400, 150)).toBe('full')
  })
})

describe('parseTimestamp', () => {
  it('reads yyyy-MM-ddTHH:mm:ssZ and refuses impossible dates', () => {
    expect(parseTimestamp('2026-01-15T12:00:00Z')).toBe(NOW)
    expect(parseTimestamp('2026-01-15T12:00:00.123Z')).toBe(NOW)
    expect(parseTimestamp('2026-02-31T12:00:00Z')).toBeUndefined()
    expect(parseTimestamp('2026-01-15T24:00:00Z')).toBeUndefined()
    expect(parseTimestamp('2026-01-15T12:00:00+08:00')).toBeUndefined()
  })
})

describe('parseAccessKeys', () => {
  it('reads id:secret pairs; a secret may contain a colon', () => {
    const parsed = parseAccessKeys(' LTAIone:0123456789abcdef:xyz , LTAItwo:fedcba9876543210 ')
    expect(parsed).toEqual({ value: new Map([['LTAIone', '0123456789abcdef:xyz'], ['LTAItwo', 'fedcba9876543210']]) })
  })

  it('names bad entries without ever quoting a secret', () => {
    const parsed = parseAccessKeys('LTAIone:short-secret-x,nocolon,bad id:0123456789abcdef,LTAIone:0123456789abcdef-2,LTAIone:0123456789abcdef-3')
    expect('errors' in parsed && parsed.errors).toEqual([
      'entry 1 (LTAIone): the secret must be at least 16 characters',
      'entry 2 must be id:secret',
      'entry 3: the access key id may use letters, digits, dots, dashes and underscores (1–128)',
      'entry 5: access key id LTAIone is given twice',
    ])
    expect(JSON.stringify(parsed)).not.toContain('short-secret')
  })
})
