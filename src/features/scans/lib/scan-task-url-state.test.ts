import { describe, expect, it } from 'vitest'
import { parseUrlState, serializeUrlState } from '@/hooks/url-state'
import { scanTaskUrlSchema, statusFilterList, statusFilterValue } from './scan-task-url-state'

const qs = (s: string) => new URLSearchParams(s)

describe('scanTaskUrlSchema', () => {
  it('parses status lists, service and repository with the contract', () => {
    expect(parseUrlState(scanTaskUrlSchema, qs('status=queued,SCANNING&status=Retrying&scanService=sas_scan_service&repoId=crr-uf082u9dg8do1c2d'))).toEqual({
      status: ['QUEUED', 'SCANNING', 'RETRYING'],
      scanService: 'SAS_SCAN_SERVICE',
      repoId: 'crr-uf082u9dg8do1c2d',
      pageNo: 1,
      pageSize: 30,
    })
  })
  it('drops a bad repository id or status alone', () => {
    expect(parseUrlState(scanTaskUrlSchema, qs('repoId=nope&status=DONE&pageNo=2'))).toEqual({ pageNo: 2, pageSize: 30 })
  })
  it('writes the status list as repeated keys', () => {
    expect(serializeUrlState(scanTaskUrlSchema, { status: ['FAILED'], pageNo: 1, pageSize: 30 }, qs('')).toString()).toBe('status=FAILED')
  })
})

describe('status filter', () => {
  it('shows the running statuses as one choice', () => {
    expect(statusFilterValue(['SCANNING', 'QUEUED', 'RETRYING'])).toBe('running')
    expect(statusFilterList('running')).toEqual(['QUEUED', 'SCANNING', 'RETRYING'])
  })
  it('maps one status both ways', () => {
    expect(statusFilterValue(['FAILED'])).toBe('FAILED')
    expect(statusFilterList('COMPLETE')).toEqual(['COMPLETE'])
  })
  it('treats no filter, and a combination it cannot show, as all', () => {
    expect(statusFilterValue(undefined)).toBe('')
    expect(statusFilterValue(['FAILED', 'COMPLETE'])).toBe('')
    expect(statusFilterList('')).toBeUndefined()
    expect(statusFilterList('bogus')).toBeUndefined()
  })
})
