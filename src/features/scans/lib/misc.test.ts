import { describe, expect, it } from 'vitest'
import { describeAdvisoryAge } from './advisory-age'
import { uniqueFixCommands } from './fix-commands'
import { scanReportPath, scanTasksPath } from './paths'
import { sortScanNotes } from './scan-notes'

describe('uniqueFixCommands', () => {
  it('keeps each command once, in order, and skips rows without one', () => {
    expect(uniqueFixCommands([{ fixCmd: 'apk add a' }, {}, { fixCmd: ' ' }, { fixCmd: 'pip install b' }, { fixCmd: 'apk add a' }])).toEqual(['apk add a', 'pip install b'])
  })
})

describe('describeAdvisoryAge', () => {
  const db = { recordCount: 45, importedAt: 1, newestModified: null }
  it('says how old the advisories were at scan time', () => {
    expect(describeAdvisoryAge({ ...db, ageDays: 0 })).toEqual({ text: 'Imported the day of the scan', stale: false })
    expect(describeAdvisoryAge({ ...db, ageDays: 1 })).toEqual({ text: 'Imported 1 day before the scan', stale: false })
    expect(describeAdvisoryAge({ ...db, ageDays: 30 })).toEqual({ text: 'Imported 30 days before the scan', stale: true })
  })
  it('flags a scan made without advisories', () => {
    expect(describeAdvisoryAge({ recordCount: 0, importedAt: null, newestModified: null, ageDays: null })).toEqual({ text: 'No advisories imported', stale: true })
  })
})

describe('paths', () => {
  it('pins a report to its task', () => {
    expect(scanTasksPath('cri-1')).toBe('/instances/cri-1/scans')
    expect(scanReportPath('cri-1', '6b0b094f-8a90-4f8f-b660-2427aed0a1b2')).toBe('/instances/cri-1/scans/6b0b094f-8a90-4f8f-b660-2427aed0a1b2')
  })
})

describe('sortScanNotes', () => {
  it('puts errors first and keeps the order within a level', () => {
    const notes = [
      { level: 'info' as const, code: 'a', message: '' },
      { level: 'error' as const, code: 'b', message: '' },
      { level: 'warning' as const, code: 'c', message: '' },
      { level: 'error' as const, code: 'd', message: '' },
    ]
    expect(sortScanNotes(notes).map((n) => n.code)).toEqual(['b', 'd', 'c', 'a'])
  })
})
