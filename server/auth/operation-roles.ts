import { roleAtLeast, type Role } from '@contract/auth'
import type { EXPORT_SCAN_VEX } from '@contract/exceptions'
import { exportsByName, type ExportName } from '@contract/exports'
import { operations, type OperationName } from '@contract/operations'

/**
 * The role each operation needs, in one place. `public` answers without sign-in (who am
 * I, and sign-in itself). Typed over every operation name, so adding an operation to the
 * contract without a line here fails the typecheck (and operation-roles.test.ts).
 *
 * viewer reads; operator starts scans, syncs and manages scan rules; approver decides
 * exceptions; admin manages instances (and their credentials), tokens and the audit log.
 */
export const operationRoles: { readonly [N in OperationName]: Role | 'public' } = {
  getSession: 'public',
  createSession: 'public',
  deleteSession: 'viewer',

  listInstance: 'viewer',
  getInstance: 'viewer',
  createInstance: 'admin',
  testInstanceConnection: 'admin',
  syncInstance: 'operator',
  deleteInstance: 'admin',
  getInstanceTriggers: 'viewer',
  // The webhook secret is a credential, as the registry password is.
  setInstanceTriggers: 'admin',

  listNamespace: 'viewer',
  listRepository: 'viewer',
  getRepository: 'viewer',
  listRepoTag: 'viewer',
  getRepoTag: 'viewer',

  createRepoTagScanTask: 'operator',
  getRepoTagScanStatus: 'viewer',
  getRepoTagScanSummary: 'viewer',
  listRepoTagScanResult: 'viewer',
  listScanBaselineByTask: 'viewer',
  listScanMaliciousFileByTask: 'viewer',
  listScanTask: 'viewer',
  getImageReport: 'viewer',
  getScanOverview: 'viewer',
  listScanComponent: 'viewer',
  getScanFixPlan: 'viewer',
  compareScans: 'viewer',

  createScanRule: 'operator',
  getScanRule: 'viewer',
  listScanRule: 'viewer',
  updateScanRule: 'operator',
  deleteScanRule: 'operator',
  runScanRule: 'operator',
  previewScanRule: 'viewer',
  listLegacyScanRule: 'viewer',
  moveLegacyScanRule: 'operator',
  deleteLegacyScanRule: 'operator',

  // Operators ask for exceptions (and may withdraw their own); approvers decide them.
  createVulnException: 'operator',
  withdrawVulnException: 'operator',
  approveVulnException: 'approver',
  denyVulnException: 'approver',
  getVulnException: 'viewer',
  getFindingExceptions: 'viewer',
  listVulnException: 'viewer',
  listVulnFindingState: 'viewer',

  createApiToken: 'admin',
  listApiToken: 'admin',
  revokeApiToken: 'admin',
  listAuditEvent: 'admin',
}

/** Downloads (contract/exports.ts) are served at /api/v1/<name> too; each is a read of one scan. */
export const exportRoles: { readonly [N in ExportName]: Role } = {
  exportRepoTagScanResult: 'viewer',
  exportScanSbom: 'viewer',
  exportScanSarif: 'viewer',
}

/**
 * Downloads a feature serves at /api/v1/<name> outside contract/exports.ts: the VEX document
 * (contract/exceptions.ts). Listed here, not left to the unknown-name default, so the role
 * is a decision; openapi-security.api.test.ts fails for a documented name with no entry.
 */
export const featureDownloadRoles: { readonly [N in typeof EXPORT_SCAN_VEX.name]: Role } = {
  exportScanVex: 'viewer',
}

/**
 * What a request to `/api/v1/<name>` needs. A name the contract does not know still needs
 * a signed-in viewer, so probing for operations reveals nothing to strangers; an entry
 * missing at run time (a contract newer than this map) asks for admin: fail closed.
 */
export function requiredRole(name: string): Role | 'public' {
  if (Object.hasOwn(exportsByName, name)) return (exportRoles as Partial<Record<string, Role>>)[name] ?? 'admin'
  if (Object.hasOwn(featureDownloadRoles, name)) return (featureDownloadRoles as Partial<Record<string, Role>>)[name] ?? 'admin'
  if (!Object.hasOwn(operations, name)) return 'viewer'
  return (operationRoles as Partial<Record<string, Role | 'public'>>)[name] ?? 'admin'
}

/** The operations a role may call, for the SPA to hide what it cannot do. */
export function permittedOperations(role: Role): string[] {
  return Object.keys(operations).filter((name) => {
    const needed = requiredRole(name)
    return needed === 'public' || roleAtLeast(role, needed)
  })
}
