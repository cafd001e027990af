import { describe, expect, it } from 'vitest'
import { osvFixture } from '../advisories/testing/osv-fixtures'
import type { OsvAffected, OsvEvent } from '../advisories/osv-record'
import { evaluateAffected, evaluateRange } from './affected-range'
import { comparatorFor } from './versions/ecosystem-comparator'

const semver = comparatorFor('npm')
const ev = (...pairs: ['introduced' | 'fixed' | 'last_affected' | 'limit', string][]): OsvEvent[] => pairs.map(([k, v]) => ({ [k]: v }))
const affected = (over: Partial<OsvAffected>): OsvAffected => ({ package: { ecosystem: 'npm', name: 'x' }, severity: [], ranges: [], versions: [], ...over })

describe('evaluateRange: the OSV evaluation of one range', () => {
  it('opens at introduced (inclusive) and closes at fixed (exclusive)', () => {
    const events = ev(['introduced', '1.0.0'], ['fixed', '1.2.0'])
    expect(evaluateRange(events, '0.9.9', semver)).toEqual({ affected: false, nextFixed: '1.2.0' })
    expect(evaluateRange(events, '1.0.0', semver)).toEqual({ affected: true, fixed: '1.2.0' })
    expect(evaluateRange(events, '1.1.9', semver)).toEqual({ affected: true, fixed: '1.2.0' })
    expect(evaluateRange(events, '1.2.0', semver)).toEqual({ affected: false })
  })

  it('reads introduced "0" as below every version, even ones that sort below 0.0.0', () => {
    const events = ev(['introduced', '0'], ['fixed', '1.0.0'])
    expect(evaluateRange(events, '0.0.0-alpha', semver)).toMatchObject({ affected: true, fixed: '1.0.0' })
  })

  it('includes last_affected itself and names no fix', () => {
    const events = ev(['introduced', '0'], ['last_affected', '4.5.1'])
    expect(evaluateRange(events, '4.5.1', semver)).toEqual({ affected: true })
    expect(evaluateRange(events, '4.5.2', semver)).toEqual({ affected: false })
  })

  it('leaves a range open when it only has introduced: affected, no fix', () => {
    expect(evaluateRange(ev(['introduced', '2.0.0']), '9.9.9', semver)).toEqual({ affected: true })
  })

  it('applies limit as an exclusive upper bound, "*" as none', () => {
    const events = ev(['introduced', '0'], ['limit', '2.0.0'])
    expect(evaluateRange(events, '1.9.9', semver).affected).toBe(true)
    expect(evaluateRange(events, '2.0.0', semver).affected).toBe(false)
    expect(evaluateRange(ev(['introduced', '1.0.0'], ['limit', '*']), '99.0.0', semver).affected).toBe(true)
  })

  it('sorts unsorted events first (PYSEC lists the 2.x range before the 1.x one)', () => {
    const events = ev(['introduced', '2.0.0'], ['fixed', '2.0.6'], ['introduced', '0'], ['fixed', '1.26.17'])
    const pypi = comparatorFor('PyPI')
    expect(evaluateRange(events, '1.26.16', pypi)).toEqual({ affected: true, fixed: '1.26.17' })
    expect(evaluateRange(events, '1.26.17', pypi)).toEqual({ affected: false, nextFixed: '2.0.6' })
    expect(evaluateRange(events, '2.0.5', pypi)).toEqual({ affected: true, fixed: '2.0.6' })
    expect(evaluateRange(events, '2.0.6', pypi)).toEqual({ affected: false })
  })

  it('treats introduced X, fixed X as the empty range', () => {
    expect(evaluateRange(ev(['fixed', '1.0.0'], ['introduced', '1.0.0']), '1.0.0', semver).affected).toBe(false)
  })

  it('orders with the ecosystem’s own rules (dpkg epochs and tildes)', () => {
    const dpkg = comparatorFor('Debian:12')
    const events = ev(['introduced', '0'], ['fixed', '1:1.2.11.dfsg-0ubuntu2.2'])
    expect(evaluateRange(events, '1:1.2.11.dfsg-0ubuntu2.1', dpkg).affected).toBe(true)
    // Without the epoch the installed version is older than any epoch-1 version.
    expect(evaluateRange(events, '1.2.13.dfsg-1', dpkg).affected).toBe(true)
    expect(evaluateRange(ev(['introduced', '0'], ['fixed', '1.1.1-1ubuntu2.1~18.04.21']), '1.1.1-1ubuntu2.1~18.04.20', dpkg).affected).toBe(true)
  })

  it('refuses to answer for a version or an event the ordering cannot read', () => {
    expect(() => evaluateRange(ev(['introduced', '0'], ['fixed', 'not a version']), '1.0.0', semver)).toThrow('Invalid semver version')
    expect(() => evaluateRange(ev(['introduced', '0']), '1.0.0 beta', semver)).toThrow('Invalid semver version')
  })
})

describe('evaluateAffected: versions[] and every range of an entry', () => {
  it('matches a listed version with no range at all', () => {
    const entry = affected({ versions: ['1.0.0', '1.0.1'] })
    expect(evaluateAffected(entry, '1.0.1', 'npm')).toEqual({ affected: true, problems: [] })
    expect(evaluateAffected(entry, '1.0.2', 'npm')).toEqual({ affected: false, problems: [] })
  })

  it('matches a listed version spelled differently but equal in the ecosystem (PEP 440 5.1 = 5.1.0)', () => {
    expect(evaluateAffected(affected({ package: { ecosystem: 'PyPI', name: 'x' }, versions: ['5.1'] }), '5.1.0', 'PyPI').affected).toBe(true)
  })

  it('takes the fix from the range that holds the version, across several ranges', () => {
    const entry = affected({
      package: { ecosystem: 'PyPI', name: 'django' },
      ranges: [
        { type: 'ECOSYSTEM', events: ev(['introduced', '3.2'], ['fixed', '3.2.19']) },
        { type: 'ECOSYSTEM', events: ev(['introduced', '4.0'], ['fixed', '4.1.9']) },
      ],
    })
    expect(evaluateAffected(entry, '3.2.18', 'PyPI')).toEqual({ affected: true, fixed: '3.2.19', problems: [] })
    expect(evaluateAffected(entry, '4.1.8', 'PyPI')).toEqual({ affected: true, fixed: '4.1.9', problems: [] })
    expect(evaluateAffected(entry, '3.2.19', 'PyPI').affected).toBe(false)
  })

  it('ignores GIT ranges, which name commits (PYSEC records carry both kinds)', () => {
    const requests = osvFixture('PYSEC-2018-28').affected[0]
    if (!requests) throw new Error('fixture changed')
    expect(requests.ranges.map((r) => r.type)).toEqual(['GIT', 'ECOSYSTEM'])
    expect(evaluateAffected(requests, '2.19.1', 'PyPI')).toEqual({ affected: true, fixed: '2.20.0', problems: [] })
    const gitOnly = affected({ ranges: [{ type: 'GIT', repo: 'https://example.test/r.git', events: ev(['introduced', '0'], ['fixed', 'c45d7c49']) }] })
    expect(evaluateAffected(gitOnly, '1.0.0', 'npm')).toEqual({ affected: false, problems: [] })
  })

  it('gives a listed version the next fix of the ranges when no range holds it', () => {
    const entry = affected({ versions: ['0.9.0'], ranges: [{ type: 'ECOSYSTEM', events: ev(['introduced', '1.0.0'], ['fixed', '1.2.0']) }] })
    expect(evaluateAffected(entry, '0.9.0', 'npm')).toEqual({ affected: true, fixed: '1.2.0', problems: [] })
  })

  it('reports a range it cannot read instead of guessing, and still uses the others', () => {
    const entry = affected({
      ranges: [
        { type: 'ECOSYSTEM', events: ev(['introduced', '0'], ['fixed', 'banana!']) },
        { type: 'ECOSYSTEM', events: ev(['introduced', '2.0.0'], ['fixed', '2.1.0']) },
      ],
    })
    const verdict = evaluateAffected(entry, '2.0.5', 'npm')
    expect(verdict).toMatchObject({ affected: true, fixed: '2.1.0' })
    expect(verdict.problems).toEqual([expect.stringContaining('banana!')])
  })

  it('evaluates Go SEMVER ranges with toolchain pre-releases (1.22.0-0)', () => {
    const stdlib = osvFixture('GO-2024-2598').affected[0]
    if (!stdlib) throw new Error('fixture changed')
    expect(evaluateAffected(stdlib, '1.22.0', 'Go')).toMatchObject({ affected: true, fixed: '1.22.1' })
    expect(evaluateAffected(stdlib, '1.21.7', 'Go')).toMatchObject({ affected: true, fixed: '1.21.8' })
    expect(evaluateAffected(stdlib, '1.21.8', 'Go').affected).toBe(false)
    expect(evaluateAffected(stdlib, 'go1.22rc1', 'Go')).toMatchObject({ affected: true, fixed: '1.22.1' })
  })
})
