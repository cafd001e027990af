import { z } from 'zod'
import { operations } from '@contract/operations'
import type { BaselineItem, MaliciousItem } from '@contract/scans'
import { listBaseline, listMalicious } from '../../../scans/scan-results'
import { assertNotSbomTask } from '../../../scans/scan-store'
import { camelParams, defineAcrAction, pageFields } from './acr-action'

/**
 * ListScanBaselineByTask and ListScanMaliciousFileByTask (acr-api.md §3.5–3.6): the
 * Security Center engine's findings, which SAS_SCAN_SERVICE scans produce here. The SDKs
 * type `Code` as a number for both, so it is sent as one. As in /api/v1, an SBOM task has
 * no such results (PARAM_INVALID).
 */

const TARGET_AND_PAGE = ['InstanceId', 'RepoId', 'Tag', 'Digest', 'ScanTaskId', 'Level', 'PageNo', 'PageSize'] as const

export const acrBaseline = z.object({
  ScanTaskId: z.string(),
  BaselineNameKey: z.string(),
  BaselineClassAlias: z.string(),
  BaselineNameAlias: z.string(),
  BaselineNameLevel: z.enum(['high', 'medium', 'low']),
  BaselineItemCount: z.number().int(),
  HighRiskItemCount: z.number().int(),
  MiddleRiskItemCount: z.number().int(),
  LowRiskItemCount: z.number().int(),
  BaselineDetailDescription: z.string(),
  BaselineDetailPrompt: z.string(),
  BaselineDetailAdvice: z.string(),
  FirstScanTime: z.number().int(),
  CreateTime: z.number().int(),
  UpdateTime: z.number().int(),
})

export const toAcrBaseline = (b: BaselineItem): z.input<typeof acrBaseline> => ({
  ScanTaskId: b.scanTaskId,
  BaselineNameKey: b.baselineNameKey,
  BaselineClassAlias: b.baselineClassAlias,
  BaselineNameAlias: b.baselineNameAlias,
  BaselineNameLevel: b.baselineNameLevel,
  BaselineItemCount: b.baselineItemCount,
  HighRiskItemCount: b.highRiskItemCount,
  MiddleRiskItemCount: b.middleRiskItemCount,
  LowRiskItemCount: b.lowRiskItemCount,
  BaselineDetailDescription: b.baselineDetailDescription,
  BaselineDetailPrompt: b.baselineDetailPrompt,
  BaselineDetailAdvice: b.baselineDetailAdvice,
  FirstScanTime: b.firstScanTime,
  CreateTime: b.createTime,
  UpdateTime: b.updateTime,
})

const pageShape = { TotalCount: z.number().int(), PageNo: z.number().int(), PageSize: z.number().int() }

export const listScanBaselineByTaskAction = defineAcrAction({
  input: operations.listScanBaselineByTask.input,
  toInput: (wire) => camelParams(wire, TARGET_AND_PAGE),
  run: async (s, q) => {
    await assertNotSbomTask(s.db, q)
    return listBaseline(s.db, q)
  },
  response: z.object({ ScanBaselines: z.array(acrBaseline), ...pageShape }),
  toResponse: (page) => ({ ScanBaselines: page.items.map(toAcrBaseline), ...pageFields(page) }),
  code: 'number',
  isSuccess: true,
})

export const acrMaliciousFile = z.object({
  ScanTaskId: z.string(),
  MaliciousName: z.string(),
  MaliciousMd5: z.string(),
  FilePath: z.string(),
  Level: z.enum(['serious', 'suspicious', 'remind']),
  FirstScanTime: z.number().int(),
  CreateTime: z.number().int(),
  UpdateTime: z.number().int(),
})

export const toAcrMaliciousFile = (m: MaliciousItem): z.input<typeof acrMaliciousFile> => ({
  ScanTaskId: m.scanTaskId,
  MaliciousName: m.maliciousName,
  MaliciousMd5: m.maliciousMd5,
  FilePath: m.filePath,
  Level: m.level,
  FirstScanTime: m.firstScanTime,
  CreateTime: m.createTime,
  UpdateTime: m.updateTime,
})

export const listScanMaliciousFileByTaskAction = defineAcrAction({
  input: operations.listScanMaliciousFileByTask.input,
  toInput: (wire) => camelParams(wire, TARGET_AND_PAGE),
  run: async (s, q) => {
    await assertNotSbomTask(s.db, q)
    return listMalicious(s.db, q)
  },
  response: z.object({ ScanMaliciousFiles: z.array(acrMaliciousFile), ...pageShape }),
  toResponse: (page) => ({ ScanMaliciousFiles: page.items.map(toAcrMaliciousFile), ...pageFields(page) }),
  code: 'number',
  isSuccess: true,
})
