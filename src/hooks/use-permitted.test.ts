import { describe, expect, it } from 'vitest'
import type { Session } from '@contract/auth'
import { can, permission } from './use-permitted'

const session = (over: Partial<Session> = {}): Session => ({
  authMode: 'required',
  principal: { id: 'tok-1', name: 'ada', role: 'viewer', via: 'session' },
  csrfToken: 'c',
  permissions: ['listInstance', 'listScanRule'],
  signIn: { token: true, proxy: false },
  ...over,
})

describe('can', () => {
  it('answers from the permissions the server sent', () => {
    expect(can(session({ permissions: ['createScanRule'] }), 'createScanRule')).toBe(true)
    expect(can(session(), 'createApiToken')).toBe(false)
    expect(can(undefined, 'listInstance')).toBe(false)
  })
})

describe('permission', () => {
  it('allows what the session may call, with no reason', () => {
    expect(permission(session(), 'listScanRule')).toEqual({ allowed: true, reason: null })
  })

  it('names the role that may not call an operation', () => {
    expect(permission(session(), 'createScanRule')).toEqual({ allowed: false, reason: 'Your role (Viewer) cannot do this' })
    const operator = session({ principal: { id: 'tok-2', name: 'bo', role: 'operator', via: 'token' } })
    expect(permission(operator, 'deleteInstance').reason).toBe('Your role (Operator) cannot do this')
  })

  it('says why when there is no session yet or no one is signed in', () => {
    expect(permission(undefined, 'createRepoTagScanTask')).toEqual({ allowed: false, reason: 'Checking your permissions…' })
    expect(permission(session({ principal: null }), 'createRepoTagScanTask')).toEqual({ allowed: false, reason: 'Sign in to do this' })
  })
})
