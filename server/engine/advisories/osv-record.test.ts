import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { isRfc3339Timestamp, parseOsvRecord } from './osv-record'
import { OSV_FIXTURES_DIR, loadOsvFixtures, osvFixture } from './testing/osv-fixtures'

const minimal = { id: 'TEST-2024-0001', modified: '2024-01-02T03:04:05Z' }

describe('parseOsvRecord: the real fixtures', () => {
  it('accepts all 47 records, schema_version 1.2.0 to 1.7.5 and none (PyPA)', () => {
    const records = loadOsvFixtures()
    expect(records).toHaveLength(47)
    const versions = new Set(records.map((r) => r.schema_version ?? 'none'))
    expect(versions).toEqual(new Set(['1.2.0', '1.3.0', '1.3.1', '1.4.0', '1.6.3', '1.7.0', '1.7.3', '1.7.5', 'none']))
  })

  it('keeps the fields it does not name: Ubuntu binaries and cves_map, Go credits', () => {
    const usn = osvFixture('USN-6429-1')
    expect(usn.affected[1]?.ecosystem_specific?.binaries).toEqual(expect.arrayContaining([{ binary_name: 'libcurl4', binary_version: '7.81.0-1ubuntu1.14' }]))
    expect(usn.affected[1]?.database_specific?.cves_map).toMatchObject({ ecosystem: 'Ubuntu:22.04:LTS' })
    expect(osvFixture('GO-2020-0015').credits).toBeDefined()
    const raw: unknown = JSON.parse(fs.readFileSync(path.join(OSV_FIXTURES_DIR, 'ubuntu/USN-6429-1.json'), 'utf8'))
    expect(Object.keys(usn)).toEqual(expect.arrayContaining(Object.keys(raw as object)))
  })

  it('reads an empty severity list and absent lists as none', () => {
    expect(osvFixture('GHSA-8cf7-32gw-wr33').severity).toEqual([])
    expect(osvFixture('PYSEC-2018-28').severity).toEqual([])
    expect(osvFixture('DLA-3008-1').aliases).toEqual([])
  })
})

describe('parseOsvRecord: tolerance and rejections', () => {
  it('accepts a minimal record and fills the lists', () => {
    const parsed = parseOsvRecord(minimal)
    expect(parsed).toEqual({ ok: true, record: { ...minimal, aliases: [], related: [], upstream: [], severity: [], affected: [], references: [] } })
  })

  it('reads null lists and null optional fields as absent', () => {
    const parsed = parseOsvRecord({ ...minimal, aliases: null, summary: null, withdrawn: null, affected: [{ package: { ecosystem: 'npm', name: 'x', purl: null }, ranges: null, versions: null }] })
    expect(parsed.ok).toBe(true)
  })

  it.each([
    ['not an object', [minimal], 'not a JSON object'],
    ['no id', { modified: minimal.modified }, 'id:'],
    ['an id with a space', { ...minimal, id: 'GHSA 1' }, 'id: expected an id'],
    ['no modified', { id: 'X-1' }, 'X-1: modified:'],
    ['a modified that is not RFC 3339', { ...minimal, modified: 'yesterday' }, 'modified: expected an RFC 3339 timestamp'],
    ['a date PostgreSQL refuses', { ...minimal, published: '2023-02-31T00:00:00Z' }, 'published: expected an RFC 3339 timestamp'],
    ['schema_version 2', { ...minimal, schema_version: '2.0.0' }, 'schema_version: unsupported schema_version'],
    ['an unknown range type', { ...minimal, affected: [{ package: { ecosystem: 'npm', name: 'x' }, ranges: [{ type: 'SVN', events: [{ introduced: '0' }] }] }] }, 'affected[0].ranges[0].type'],
    ['an event with two keys', { ...minimal, affected: [{ ranges: [{ type: 'SEMVER', events: [{ introduced: '0', fixed: '1.0.0' }] }] }] }, 'affected[0].ranges[0].events[0]: an event must have exactly one of'],
    ['a range without events', { ...minimal, affected: [{ ranges: [{ type: 'SEMVER', events: [] }] }] }, 'a range needs at least one event'],
    ['a version that is not a string', { ...minimal, affected: [{ versions: ['1.0', 2] }] }, 'affected[0].versions[1]'],
  ])('rejects %s with a reason', (_what, value, reason) => {
    const parsed = parseOsvRecord(value)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.reason).toContain(reason)
  })

  it('accepts the timestamps real sources write', () => {
    for (const t of ['0001-01-01T00:00:00Z', '2023-10-10T14:28:19.389317Z', '2026-07-08T04:32:24.548042624Z', '2024-02-29T00:00:00+01:00']) expect(isRfc3339Timestamp(t)).toBe(true)
    for (const t of ['2023-02-29T00:00:00Z', '2023-10-10', '2023-10-10T25:00:00Z', '0000-01-01T00:00:00Z']) expect(isRfc3339Timestamp(t)).toBe(false)
  })
})
