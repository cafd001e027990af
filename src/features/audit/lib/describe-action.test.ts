import { describe, expect, it } from 'vitest'
import { describeAction, detailLines } from './describe-action'

describe('describeAction', () => {
  it('turns operation names into words', () => {
    expect(describeAction('createRepoTagScanTask')).toBe('Create repo tag scan task')
    expect(describeAction('revokeApiToken')).toBe('Revoke API token')
    expect(describeAction('deleteSession')).toBe('Delete session')
    expect(describeAction('x')).toBe('X')
  })
})

describe('detailLines', () => {
  it('writes strings as they are and the rest as JSON', () => {
    expect(detailLines({ ruleName: 'prod', namespaces: ['a', 'b'], password: '[redacted]', n: 2 })).toEqual(['ruleName: prod', 'namespaces: ["a","b"]', 'password: [redacted]', 'n: 2'])
  })
})
