import { describe, expect, it } from 'vitest'
import { exceptionColumns } from './exception-columns'

describe('exceptionColumns', () => {
  it('starts with the selection column for approvers, and leaves it out for everyone else', () => {
    const forApprover = exceptionColumns({ selected: new Set(), onToggle: () => {} })
    const forOthers = exceptionColumns(null)
    expect(forApprover[0]?.id).toBe('select')
    expect(forOthers.some((c) => c.id === 'select')).toBe(false)
    expect(forOthers).toHaveLength(forApprover.length - 1)
  })
})
