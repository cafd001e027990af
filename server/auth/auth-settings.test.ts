import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { loadEnv } from '../env'
import { authSettings, sameSiteFor } from './auth-settings'
import { isLoopbackHost } from './loopback'

describe('isLoopbackHost', () => {
  it('knows loopback from everywhere', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', 'LOCALHOST']) expect(isLoopbackHost(h), h).toBe(true)
    for (const h of ['0.0.0.0', '::', '10.0.0.1', '192.168.1.5', 'example.com', '128.0.0.1']) expect(isLoopbackHost(h), h).toBe(false)
  })
})

describe('sign-in settings from the environment', () => {
  it('is off on loopback and required elsewhere by default', () => {
    expect(authSettings(loadEnv({})).mode).toBe('off')
    expect(authSettings(loadEnv({ HOST: '0.0.0.0' })).mode).toBe('required')
    expect(authSettings(loadEnv({ AUTH_MODE: 'required' })).mode).toBe('required')
  })

  it('refuses AUTH_MODE=off off loopback, half a proxy setup, and a bad key, naming the variables', () => {
    expect(() => loadEnv({ HOST: '0.0.0.0', AUTH_MODE: 'off' })).toThrow(/AUTH_MODE: "off" is only allowed while HOST is a loopback address/)
    expect(() => loadEnv({ AUTH_PROXY_HEADER: 'x-user' })).toThrow(/AUTH_PROXY_HEADER and AUTH_PROXY_SECRET/)
    expect(() => loadEnv({ AUTH_PROXY_HEADER: 'x-user', AUTH_PROXY_SECRET: 'short' })).toThrow(/AUTH_PROXY_SECRET: must be at least 32 characters/)
    expect(() => loadEnv({ AUTH_PROXY_ROLE_HEADER: 'x-role' })).toThrow(/AUTH_PROXY_ROLE_HEADER/)
    expect(() => loadEnv({ CREDENTIALS_KEY: 'not-a-key' })).toThrow(/CREDENTIALS_KEY: must be base64 of exactly 32 bytes/)
    expect(() => loadEnv({ AUTH_MODE: 'maybe' })).toThrow(/AUTH_MODE/)
  })

  it('parses the proxy, the key and the session length', () => {
    const key = randomBytes(32)
    const env = loadEnv({ HOST: '0.0.0.0', AUTH_PROXY_HEADER: 'X-Forwarded-User', AUTH_PROXY_SECRET: 's'.repeat(32), AUTH_PROXY_DEFAULT_ROLE: 'operator', CREDENTIALS_KEY: key.toString('base64'), SESSION_TTL_HOURS: '2' })
    expect(env.CREDENTIALS_KEY?.equals(key)).toBe(true)
    expect(authSettings(env)).toEqual({
      mode: 'required',
      proxy: { userHeader: 'x-forwarded-user', secret: 's'.repeat(32), roleHeader: undefined, defaultRole: 'operator' },
      sessionTtlMs: 7_200_000,
      sameSite: 'Lax',
    })
  })

  it('sends SameSite=None only when another site may frame the app', () => {
    expect(sameSiteFor('none')).toBe('Lax')
    expect(sameSiteFor(["'self'"])).toBe('Lax')
    expect(sameSiteFor(["'self'", 'https://portal.example.com'])).toBe('None')
  })

  it('takes SameSite from EMBED_ALLOWED_ORIGINS: None only when it names another origin', () => {
    expect(authSettings(loadEnv({})).sameSite).toBe('Lax')
    expect(authSettings(loadEnv({ EMBED_ALLOWED_ORIGINS: 'none' })).sameSite).toBe('Lax')
    expect(authSettings(loadEnv({ EMBED_ALLOWED_ORIGINS: "'self'" })).sameSite).toBe('Lax')
    expect(authSettings(loadEnv({ EMBED_ALLOWED_ORIGINS: "'self' https://portal.example.com" })).sameSite).toBe('None')
  })
})
