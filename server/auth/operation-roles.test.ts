import { describe, expect, it } from 'vitest'
import { roles } from '@contract/auth'
import { exportsByName } from '@contract/exports'
import { operations } from '@contract/operations'
import { exportRoles, operationRoles, permittedOperations, requiredRole } from './operation-roles'

describe('operationRoles', () => {
  it('names a role for every operation in the contract, and nothing else', () => {
    expect(Object.keys(operationRoles).sort()).toEqual(Object.keys(operations).sort())
    for (const needed of Object.values(operationRoles)) expect([...roles, 'public']).toContain(needed)
  })

  it('names a role for every download, which are reads', () => {
    expect(Object.keys(exportRoles).sort()).toEqual(Object.keys(exportsByName).sort())
    for (const name of Object.keys(exportsByName)) expect(requiredRole(name), name).toBe('viewer')
  })

  it('leaves only "who am I" and signing in open to strangers', () => {
    const open = Object.entries(operationRoles).filter(([, r]) => r === 'public').map(([n]) => n)
    expect(open.sort()).toEqual(['createSession', 'getSession'])
  })

  it('keeps instances, tokens and the audit log for admins, and every write above viewer except sign-out', () => {
    for (const name of ['createInstance', 'deleteInstance', 'testInstanceConnection', 'setInstanceTriggers', 'createApiToken', 'revokeApiToken', 'listApiToken', 'listAuditEvent'] as const) {
      expect(operationRoles[name], name).toBe('admin')
    }
    const viewerWrites = Object.values(operations).filter((op) => op.method === 'POST' && operationRoles[op.name as keyof typeof operationRoles] === 'viewer')
    expect(viewerWrites.map((op) => op.name)).toEqual(['deleteSession'])
  })

  it('asks a signed-in viewer for unknown names and admin for names missing from the map', () => {
    expect(requiredRole('noSuchOperation')).toBe('viewer')
    expect(requiredRole('toString')).toBe('viewer')
    expect(requiredRole('createScanRule')).toBe('operator')
  })

  it('gives each role what the roles before it have, and more', () => {
    const [viewer, operator, approver, admin] = roles.map((r) => permittedOperations(r))
    expect(viewer).toContain('getImageReport')
    expect(viewer).not.toContain('createRepoTagScanTask')
    expect(operator).toEqual(expect.arrayContaining([...(viewer ?? []), 'createRepoTagScanTask', 'createScanRule']))
    expect(approver).toEqual(expect.arrayContaining([...(operator ?? []), 'approveVulnException', 'denyVulnException']))
    expect(operator).not.toContain('approveVulnException')
    expect(admin).toEqual(Object.keys(operations))
  })
})
