import { describe, expect, it } from 'vitest'
import type { ImportSummary } from '../engine/advisories/import-osv'
import { formatImportSummary } from './format-import-summary'

const summary: ImportSummary = {
  sources: [
    { source: 'fixtures/osv', kind: 'directory', read: 44, rejected: 1 },
    { source: 'https://example.test/all.zip', kind: 'url', read: 0, rejected: 0, error: 'cannot download https://example.test/all.zip: HTTP 404 Not Found' },
  ],
  read: 44,
  inserted: 40,
  updated: 1,
  unchanged: 3,
  rejected: 1,
  rejections: [{ origin: 'fixtures/osv/bad.json', reason: 'X-1: modified: expected an RFC 3339 timestamp such as 2023-10-11T11:34:51Z' }],
  byEcosystem: { npm: { inserted: 10, updated: 0, unchanged: 0 }, Ubuntu: { inserted: 6, updated: 1, unchanged: 0 } },
  store: { recordCount: 44, importedAt: Date.UTC(2024, 5, 1), newestModified: '2024-05-30T00:00:00Z' },
}

describe('formatImportSummary', () => {
  it('prints sources, counts per ecosystem, rejections with reasons and the store’s age', () => {
    expect(formatImportSummary(summary, Date.UTC(2024, 5, 1))).toBe(
      [
        'Sources:',
        '  fixtures/osv (directory): 44 records, 1 rejected',
        '  https://example.test/all.zip (url): 0 records',
        '    error: cannot download https://example.test/all.zip: HTTP 404 Not Found',
        '',
        'Records: 44 read — 40 new, 1 updated, 3 unchanged; 1 rejected',
        '',
        'By ecosystem:',
        '  Ubuntu  6 new, 1 updated, 0 unchanged',
        '  npm     10 new, 0 updated, 0 unchanged',
        '',
        'Rejected:',
        '  fixtures/osv/bad.json: X-1: modified: expected an RFC 3339 timestamp such as 2023-10-11T11:34:51Z',
        '',
        'Store: 44 records, imported 2024-06-01T00:00:00.000Z, newest record modified 2024-05-30T00:00:00Z (2 days ago)',
        '',
      ].join('\n'),
    )
  })

  it('says when the store is empty, and does not print a negative age', () => {
    expect(formatImportSummary({ ...summary, store: { recordCount: 0, importedAt: null, newestModified: null } })).toContain('Store: empty')
    expect(formatImportSummary(summary, Date.UTC(2024, 0, 1))).toContain('(dated in the future)')
  })
})
