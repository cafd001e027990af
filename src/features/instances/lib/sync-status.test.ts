import { describe, expect, it } from 'vitest'
import { isSyncBusy, SYNC_POLL_MS, syncPollInterval } from './sync-status'

describe('sync status', () => {
  it('is busy while pending or syncing', () => {
    expect(isSyncBusy({ syncStatus: 'PENDING' })).toBe(true)
    expect(isSyncBusy({ syncStatus: 'SYNCING' })).toBe(true)
    expect(isSyncBusy({ syncStatus: 'READY' })).toBe(false)
    expect(isSyncBusy({ syncStatus: 'FAILED' })).toBe(false)
  })

  it('polls only while some sync runs', () => {
    expect(syncPollInterval(undefined)).toBe(false)
    expect(syncPollInterval([])).toBe(false)
    expect(syncPollInterval([{ syncStatus: 'READY' }, { syncStatus: 'FAILED' }])).toBe(false)
    expect(syncPollInterval([{ syncStatus: 'READY' }, { syncStatus: 'SYNCING' }])).toBe(SYNC_POLL_MS)
  })
})
