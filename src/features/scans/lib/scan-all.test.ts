import { describe, expect, it } from 'vitest'
import { summarizeScanAll } from './scan-all'

describe('summarizeScanAll', () => {
  it('counts new scans, running ones returned instead, and failures', () => {
    const summary = summarizeScanAll([
      { tag: '1.0.0', scanTaskId: 'a', existing: false },
      { tag: 'latest', scanTaskId: 'a', existing: true },
      { tag: '2.0', scanTaskId: 'b', existing: false },
      { tag: 'gone', error: 'Tag gone does not exist' },
    ])
    expect(summary).toMatchObject({ queued: 2, running: 1, failed: 1, title: '2 scans queued' })
    expect(summary.description).toBe('4 tags: 2 new scans, 1 already running, 1 failed (gone).')
  })
  it('says singulars and the empty repository plainly', () => {
    expect(summarizeScanAll([{ tag: 'a', scanTaskId: 'x', existing: false }])).toMatchObject({ title: '1 scan queued', description: '1 tag: 1 new scan, 0 already running.' })
    expect(summarizeScanAll([])).toMatchObject({ queued: 0, title: 'No tags to scan' })
  })
})
