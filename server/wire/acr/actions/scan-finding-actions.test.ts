import { describe, expect, it } from 'vitest'
import type { BaselineItem, MaliciousItem } from '@contract/scans'
import { listScanBaselineByTaskAction, listScanMaliciousFileByTaskAction, toAcrBaseline, toAcrMaliciousFile } from './scan-finding-actions'

describe('baseline and malicious-file mapping', () => {
  it('maps a baseline risk to ACR’s ScanBaselines item, leaving our extensions out', () => {
    const b: BaselineItem = {
      scanTaskId: 't',
      baselineNameKey: 'ak_leak',
      baselineClassAlias: 'Sensitive information',
      baselineNameAlias: 'AccessKey in a file',
      baselineNameLevel: 'high',
      baselineItemCount: 2,
      highRiskItemCount: 2,
      middleRiskItemCount: 0,
      lowRiskItemCount: 0,
      baselineDetailDescription: 'An access key is stored in the image.',
      baselineDetailPrompt: '/app/.env: LTAI****',
      baselineDetailAdvice: 'Remove it and rotate the key.',
      firstScanTime: 5,
      createTime: 5,
      updateTime: 5,
      layerIndex: 3,
      layerDigest: 'sha256:x',
      path: '/app/.env',
    }
    const acr = toAcrBaseline(b)
    expect(acr).toMatchObject({ BaselineNameKey: 'ak_leak', BaselineNameLevel: 'high', MiddleRiskItemCount: 0, BaselineDetailPrompt: '/app/.env: LTAI****', FirstScanTime: 5 })
    expect(Object.keys(acr)).not.toContain('LayerIndex')
    const body = listScanBaselineByTaskAction.response.parse(listScanBaselineByTaskAction.toResponse({ items: [b], totalCount: 1, pageNo: 1, pageSize: 30, scanTaskId: 't', scanService: 'SAS_SCAN_SERVICE' }))
    expect(body.ScanBaselines).toHaveLength(1)
    expect(listScanBaselineByTaskAction.code).toBe('number')
  })

  it('maps a malicious file to ACR’s ScanMaliciousFiles item', () => {
    const m = {
      scanTaskId: 't',
      maliciousName: 'Eicar-Test-Signature',
      maliciousMd5: '44d88612fea8a8f36de82e1278abb02f',
      filePath: '/tmp/eicar.com',
      level: 'remind',
      firstScanTime: 1,
      createTime: 1,
      updateTime: 1,
    } as MaliciousItem
    expect(toAcrMaliciousFile(m)).toEqual({
      ScanTaskId: 't',
      MaliciousName: 'Eicar-Test-Signature',
      MaliciousMd5: '44d88612fea8a8f36de82e1278abb02f',
      FilePath: '/tmp/eicar.com',
      Level: 'remind',
      FirstScanTime: 1,
      CreateTime: 1,
      UpdateTime: 1,
    })
    expect(listScanMaliciousFileByTaskAction.code).toBe('number')
  })
})
