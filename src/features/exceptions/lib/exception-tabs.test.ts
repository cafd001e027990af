import { describe, expect, it } from 'vitest'
import { listVulnExceptionQuery } from '@contract/exceptions'
import { exceptionsUrlSchema, listQueryOf } from './exception-tabs'

describe('listQueryOf', () => {
  const base = exceptionsUrlSchema.parse({})

  it('lists pending requests by default', () => {
    expect(listQueryOf(base)).toMatchObject({ status: ['PENDING'] })
  })

  it('turns each tab into a status or the expiring-soon window, keeping the filters', () => {
    expect(listQueryOf({ ...base, tab: 'approved', cveName: 'CVE-2021-44228' })).toMatchObject({ status: ['APPROVED'], cveName: 'CVE-2021-44228' })
    expect(listQueryOf({ ...base, tab: 'expired', scope: 'DIGEST' })).toMatchObject({ status: ['EXPIRED'], scope: 'DIGEST' })
    const expiring = listQueryOf({ ...base, tab: 'expiring' })
    expect(expiring).toMatchObject({ expiringWithinDays: 14, sortBy: 'expiresAt' })
    expect(expiring).not.toHaveProperty('status')
    expect(listQueryOf({ ...base, tab: 'expiring', sortBy: 'cveName' }).sortBy).toBe('cveName')
  })

  it('answers what the list operation accepts', () => {
    for (const tab of ['pending', 'approved', 'expiring', 'expired'] as const) {
      expect(listVulnExceptionQuery.safeParse(listQueryOf({ ...base, tab })).success).toBe(true)
    }
  })

  it('reads the tab from the URL and refuses an unknown one', () => {
    expect(exceptionsUrlSchema.parse({ tab: 'expired' }).tab).toBe('expired')
    expect(exceptionsUrlSchema.safeParse({ tab: 'all' }).success).toBe(false)
  })
})
