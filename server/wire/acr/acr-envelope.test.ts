import { describe, expect, it } from 'vitest'
import { ApiError } from '../../errors'
import type { AcrHandler } from './actions/acr-action'
import { acrActions } from './actions/acr-actions'
import { errorReply, fromParamInvalid, pickAction, runAction, toWireError } from './acr-envelope'
import { AcrWireError } from './acr-errors'

const params = (o: Record<string, string>) => new Map(Object.entries(o))
const codeOf = (fn: () => unknown) => {
  try {
    fn()
    return 'ok'
  } catch (err) {
    return err instanceof AcrWireError ? `${err.status} ${err.code}` : 'other'
  }
}

describe('pickAction', () => {
  it('answers every scanning and browse Action of the seed', () => {
    expect([...acrActions.keys()].sort()).toEqual(
      [
        'CreateRepoTagScanTask',
        'GetRepoTagScanStatus',
        'GetRepoTagScanSummary',
        'ListRepoTagScanResult',
        'CreateScanRule',
        'GetScanRule',
        'ListScanRule',
        'UpdateScanRule',
        'DeleteScanRule',
        'ListScanBaselineByTask',
        'ListScanMaliciousFileByTask',
        'ListInstance',
        'GetInstance',
        'GetRepoTag',
        'ListNamespace',
        'ListRepository',
        'GetRepository',
        'ListRepoTag',
      ].sort(),
    )
  })

  it('refuses an unknown Action, another Version and XML', () => {
    expect(codeOf(() => pickAction(acrActions, params({ Action: 'DescribeRegions', Version: '2018-12-01' })))).toBe('404 InvalidAction.NotFound')
    expect(codeOf(() => pickAction(acrActions, params({ Action: 'constructor', Version: '2018-12-01' })))).toBe('404 InvalidAction.NotFound')
    expect(codeOf(() => pickAction(acrActions, params({ Action: 'ListInstance', Version: '2016-06-07' })))).toBe('400 InvalidVersion')
    expect(codeOf(() => pickAction(acrActions, params({ Action: 'ListInstance', Version: '2018-12-01', Format: 'XML' })))).toBe('400 InvalidParameter')
    expect(codeOf(() => pickAction(acrActions, params({ Version: '2018-12-01' })))).toBe('400 MissingParameter')
    expect(codeOf(() => pickAction(acrActions, params({ Action: 'ListInstance', Version: '2018-12-01', Format: 'json' })))).toBe('ok')
  })
})

describe('errors', () => {
  it('names the wire parameter of a PARAM_INVALID', () => {
    const missing = fromParamInvalid(new ApiError('PARAM_INVALID', 'x', { instanceId: ['is required'] }))
    expect([missing.status, missing.code, missing.message]).toEqual([400, 'MissingParameter', 'The input parameter "InstanceId" that is mandatory for processing this request is not supplied.'])
    const invalid = fromParamInvalid(new ApiError('PARAM_INVALID', 'x', { scanTaskId: ['give scanTaskId, or instanceId, repoId and tag'] }))
    expect(invalid.message).toBe('The specified parameter "ScanTaskId" is not valid: give ScanTaskId, or InstanceId, RepoId and tag.')
  })

  it('sends not-found codes in-band (HTTP 200, IsSuccess false) and server failures as SystemError', () => {
    const notFound = toWireError(new ApiError('SCAN_TASK_NOT_EXIST', 'Scan task x does not exist.'))
    expect(notFound && errorReply(notFound, 'RID', 'host')).toEqual({
      status: 200,
      body: { RequestId: 'RID', Code: 'SCAN_TASK_NOT_EXIST', Message: 'Scan task x does not exist.', IsSuccess: false },
    })
    const internal = toWireError(new ApiError('INTERNAL_ERROR', 'details for the log only'))
    expect(internal && errorReply(internal, 'RID', 'host')).toMatchObject({ status: 500, body: { Code: 'SystemError', Message: 'Unknown error.', HostId: 'host' } })
    expect(toWireError(new Error('bug'))).toBeUndefined()
  })
})

describe('runAction', () => {
  it('puts RequestId, Code (string or number) and IsSuccess around the fields', async () => {
    const handler = (code: 'string' | 'number', isSuccess: boolean): AcrHandler => ({ code, isSuccess, execute: () => Promise.resolve({ ScanRuleId: 'r' }) })
    const services = {} as never
    expect((await runAction(handler('number', false), services, new Map(), 'RID')).body).toEqual({ RequestId: 'RID', Code: 200, ScanRuleId: 'r' })
    expect((await runAction(handler('string', true), services, new Map(), 'RID')).body).toEqual({ RequestId: 'RID', Code: 'success', IsSuccess: true, ScanRuleId: 'r' })
  })
})
