import { describe, expect, it } from 'vitest'
import { isScanRunning, progressLabel, progressPercent, scanListPollInterval, SCAN_LIST_POLL_MS, taskDurationMs } from './scan-status'

describe('isScanRunning', () => {
  it('is true for the statuses a worker still has to finish', () => {
    expect(['QUEUED', 'SCANNING', 'RETRYING'].every((s) => isScanRunning(s as never))).toBe(true)
    expect(isScanRunning('COMPLETE')).toBe(false)
    expect(isScanRunning('FAILED')).toBe(false)
  })
})

describe('scanListPollInterval', () => {
  it('polls only while some scan on the page runs', () => {
    expect(scanListPollInterval(undefined)).toBe(false)
    expect(scanListPollInterval([])).toBe(false)
    expect(scanListPollInterval(['COMPLETE', 'FAILED', undefined])).toBe(false)
    expect(scanListPollInterval(['COMPLETE', 'RETRYING'])).toBe(SCAN_LIST_POLL_MS)
  })
})

describe('progressPercent', () => {
  it('is layers done over total, rounded and capped', () => {
    expect(progressPercent({ layersDone: 3, layersTotal: 4 })).toBe(75)
    expect(progressPercent({ layersDone: 1, layersTotal: 3 })).toBe(33)
    expect(progressPercent({ layersDone: 5, layersTotal: 4 })).toBe(100)
  })
  it('is unknown until the manifest is read', () => {
    expect(progressPercent({ layersDone: 0, layersTotal: 0 })).toBeNull()
  })
})

describe('progressLabel', () => {
  it('counts layers once known', () => {
    expect(progressLabel('SCANNING', { layersDone: 3, layersTotal: 4 })).toBe('3 of 4 layers')
    expect(progressLabel('COMPLETE', { layersDone: 1, layersTotal: 1 })).toBe('1 of 1 layer')
  })
  it('says what happens before that', () => {
    expect(progressLabel('QUEUED', { layersDone: 0, layersTotal: 0 })).toBe('Waiting for a worker')
    expect(progressLabel('SCANNING', { layersDone: 0, layersTotal: 0 })).toBe('Reading the manifest')
    expect(progressLabel('RETRYING', { layersDone: 0, layersTotal: 0 })).toBe('Waiting to retry')
    expect(progressLabel('FAILED', { layersDone: 0, layersTotal: 0 })).toBe('—')
  })
})

describe('taskDurationMs', () => {
  it('is finish minus start, or now minus start while running', () => {
    expect(taskDurationMs({ startTime: 1000, finishTime: 4000 }, 9000)).toBe(3000)
    expect(taskDurationMs({ startTime: 1000, finishTime: null }, 9000)).toBe(8000)
    expect(taskDurationMs({ startTime: null, finishTime: null }, 9000)).toBeNull()
  })
  it('never goes negative when clocks disagree', () => {
    expect(taskDurationMs({ startTime: 5000, finishTime: null }, 4000)).toBe(0)
  })
})
