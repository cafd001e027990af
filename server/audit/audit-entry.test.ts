import { describe, expect, it } from 'vitest'
import { auditTarget, isSecretKey, redactDetails } from './audit-entry'

describe('redactDetails', () => {
  it('drops passwords, tokens and keys at any depth, keeps ids', () => {
    const input = {
      instanceName: 'prod',
      password: 'hunter2',
      connection: { username: 'u', registryPassword: 'x', apiKey: 'k', nested: [{ clientSecret: 's' }] },
      token: 'lsk_abc',
      tokenId: 'tok-aaaaaaaaaaaaaaaa',
      csrfToken: 'c',
    }
    expect(redactDetails(input)).toEqual({
      instanceName: 'prod',
      password: '[redacted]',
      connection: { username: 'u', registryPassword: '[redacted]', apiKey: '[redacted]', nested: [{ clientSecret: '[redacted]' }] },
      token: '[redacted]',
      tokenId: 'tok-aaaaaaaaaaaaaaaa',
      csrfToken: '[redacted]',
    })
  })

  it('removes API tokens pasted into free text, and cuts long values', () => {
    const leaked = `use lsk_${'A'.repeat(43)} please`
    expect(redactDetails({ note: leaked })).toEqual({ note: 'use [redacted] please' })
    expect(String((redactDetails({ note: 'x'.repeat(2000) }) as { note: string }).note)).toHaveLength(501)
    expect((redactDetails({ list: Array.from({ length: 80 }, (_, i) => i) }) as { list: number[] }).list).toHaveLength(50)
  })

  it('knows which keys are secrets', () => {
    for (const k of ['password', 'PASSWORD', 'passphrase', 'secret', 'authorization', 'cookie', 'privateKey', 'key']) expect(isSecretKey(k), k).toBe(true)
    for (const k of ['tokenId', 'instanceId', 'keyword', 'monkey', 'username']) expect(isSecretKey(k), k).toBe(false)
  })
})

describe('auditTarget', () => {
  it('names the ids of the input and those the answer created', () => {
    expect(auditTarget({ instanceId: 'cri-1', repoId: 'crr-2', tag: '1.0', severity: 'HIGH' }, { scanTaskId: 'scan-3' })).toBe('instanceId=cri-1 repoId=crr-2 tag=1.0 scanTaskId=scan-3')
    expect(auditTarget({ name: 'bot', role: 'viewer' }, { token: { tokenId: 'tok-1' }, secret: 'lsk_x' })).toBe('name=bot tokenId=tok-1')
    expect(auditTarget({ token: 'lsk_zzzz' }, { principal: null })).toBe('')
  })
})
