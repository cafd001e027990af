import { describe, expect, it } from 'vitest'
import type { Session } from '@contract/auth'
import { principalLabel } from './permissions'

const session = (over: Partial<Session> = {}): Session => ({
  authMode: 'required',
  principal: { id: 'tok-1', name: 'ada', role: 'operator', via: 'session' },
  csrfToken: 'c',
  permissions: ['listInstance', 'createScanRule'],
  signIn: { token: true, proxy: false },
  ...over,
})

describe('principalLabel', () => {
  it('names the person and role, or the local operator', () => {
    expect(principalLabel(session())).toBe('ada (Operator)')
    expect(principalLabel(session({ principal: { id: 'loopback', name: 'local operator', role: 'admin', via: 'loopback' } }))).toBe('Local operator')
    expect(principalLabel(session({ principal: null }))).toBeNull()
  })
})
