import { describe, expect, it } from 'vitest'
import { AcquireError } from '../engine/acquire/errors'
import { LayerError } from '../engine/layers/layer-error'
import { ApiError } from '../errors'
import { classifyScanError, retryDelayMs } from './scan-errors'

describe('classifyScanError', () => {
  it.each([
    [new AcquireError('RATE_LIMITED', 'r: HTTP 429'), 'RATE_LIMITED', true],
    [new AcquireError('UNREACHABLE', 'r: HTTP 503', { retryable: true }), 'UNREACHABLE', true],
    [new AcquireError('NOT_FOUND', 'r: no such tag'), 'NOT_FOUND', false],
    [new AcquireError('UNAUTHORIZED', 'r: 401'), 'UNAUTHORIZED', false],
    [new LayerError('SOURCE', 'layer 2: socket hang up', { retryable: true }), 'SOURCE', true],
    [new LayerError('DIFF_ID_MISMATCH', 'layer 2: not the diff_id'), 'DIFF_ID_MISMATCH', false],
    [new ApiError('DIRECTORY_INVALID', 'gone'), 'DIRECTORY_INVALID', false],
    [Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }), 'UNREACHABLE', true],
    [Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }), 'UNREACHABLE', true],
    [new TypeError('x is undefined'), 'SCAN_ERROR', false],
  ])('%s → %s (retryable: %s)', (err, code, retryable) => {
    expect(classifyScanError(err)).toMatchObject({ code, retryable, message: err.message })
  })
})

describe('retryDelayMs', () => {
  const opts = { baseMs: 1_000, maxMs: 10_000 }
  it('doubles per attempt up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((a) => retryDelayMs(a, opts, () => 0.5))).toEqual([1_000, 2_000, 4_000, 8_000, 10_000, 10_000])
  })
  it('jitters by ±20%', () => {
    expect(retryDelayMs(2, opts, () => 0)).toBe(1_600)
    expect(retryDelayMs(2, opts, () => 1)).toBe(2_400)
  })
})
