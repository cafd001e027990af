import { describe, expect, it } from 'vitest'
import { createRepoTagScanTaskBody, getRepoTagScanStatusQuery, listRepoTagScanResultQuery, listScanMaliciousFileByTaskQuery, listScanTaskQuery } from './scans'

const task = '838152F9-F725-5A52-A344-8972D65AC045'

describe('scan request schemas', () => {
  it('take ACR’s spellings: upper-case task ids, digests without sha256:, any-case enums', () => {
    const q = listRepoTagScanResultQuery.parse({ scanTaskId: task, severity: 'high', scanType: 'SCA', filterValue: 'fixcmd' })
    expect(q).toMatchObject({ scanTaskId: task.toLowerCase(), severity: ['High'], scanType: 'sca', filterValue: 'FixCmd', pageNo: 1, pageSize: 30 })
    const s = getRepoTagScanStatusQuery.parse({ instanceId: 'cri-0000000000000000', repoId: 'crr-0000000000000000', tag: '1', digest: 'AB'.repeat(32) })
    expect(s.digest).toBe(`sha256:${'ab'.repeat(32)}`)
    expect(createRepoTagScanTaskBody.parse({ instanceId: 'cri-0000000000000000', repoId: 'crr-0000000000000000', tag: '1' }).scanService).toBe('ACR_SCAN_SERVICE')
  })

  it('take several severities or statuses: repeated keys or commas', () => {
    expect(listRepoTagScanResultQuery.parse({ scanTaskId: task, severity: ['critical', 'Low,medium'] }).severity).toEqual(['Critical', 'Low', 'Medium'])
    expect(listScanTaskQuery.parse({ instanceId: 'cri-0000000000000000', status: 'queued,FAILED' }).status).toEqual(['QUEUED', 'FAILED'])
  })

  it('map the SDK example’s High/Medium/Low onto the malicious-file levels', () => {
    expect(listScanMaliciousFileByTaskQuery.parse({ scanTaskId: task, level: 'High' }).level).toBe('serious')
    expect(listScanMaliciousFileByTaskQuery.parse({ scanTaskId: task, level: 'low' }).level).toBe('remind')
  })

  it.each([
    [{ scanTaskId: task, severity: 'Severe' }],
    [{ scanTaskId: task, pageSize: 101 }],
    [{ scanTaskId: task, pageNo: 0 }],
    [{ scanTaskId: task, vulQueryKey: 'x'.repeat(257) }],
    [{ scanTaskId: 'not-a-uuid' }],
    [{ instanceId: 'cri-0000000000000000', repoId: 'crr-0000000000000000' }],
  ])('refuse %j', (input) => {
    expect(listRepoTagScanResultQuery.safeParse(input).success).toBe(false)
  })
})
