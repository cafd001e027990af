import { describe, expect, it } from 'vitest'
import { effectiveState, OBSERVED, type ApprovedException, type FindingKey } from './effective-state'

const finding: FindingKey = {
  instanceId: 'cri-aaaaaaaaaaaaaaaa',
  repoId: 'crr-shopshopshopshop',
  digest: 'sha256:1111111111111111111111111111111111111111111111111111111111111111',
  cveName: 'CVE-2021-44228',
  packageName: 'log4j-core',
  packageVersion: '2.14.1',
  packageFormat: 'maven',
}

const NOW = Date.UTC(2026, 0, 15)
const DAY = 86_400_000

function exception(over: Partial<ApprovedException>): ApprovedException {
  return {
    exceptionId: 'vex-0000000000000000',
    kind: 'DEFERRAL',
    scope: 'COMPONENT',
    instanceId: finding.instanceId,
    repoId: null,
    digest: null,
    cveName: finding.cveName,
    packageName: finding.packageName,
    packageVersion: finding.packageVersion,
    packageFormat: finding.packageFormat,
    approvedAt: NOW - 10 * DAY,
    expiresAt: null,
    ...over,
  }
}

const digestScoped = (over: Partial<ApprovedException> = {}) => exception({ scope: 'DIGEST', repoId: finding.repoId, digest: finding.digest, ...over })
const repoScoped = (over: Partial<ApprovedException> = {}) => exception({ scope: 'REPOSITORY', repoId: finding.repoId, ...over })

describe('effectiveState', () => {
  it('is OBSERVED, not suppressed, without exceptions', () => {
    expect(effectiveState(finding, [], NOW)).toEqual(OBSERVED)
  })

  it('defers with the deferral’s approval as activation and its end as expiry', () => {
    const e = repoScoped({ exceptionId: 'vex-deferdeferdefer1', approvedAt: NOW - DAY, expiresAt: NOW + 13 * DAY })
    expect(effectiveState(finding, [e], NOW)).toEqual({
      state: 'DEFERRED',
      suppressed: true,
      suppressActivation: NOW - DAY,
      suppressExpiry: NOW + 13 * DAY,
      exceptionId: 'vex-deferdeferdefer1',
    })
  })

  it('marks a false positive without an expiry', () => {
    expect(effectiveState(finding, [exception({ kind: 'FALSE_POSITIVE' })], NOW)).toMatchObject({ state: 'FALSE_POSITIVE', suppressed: true, suppressExpiry: null })
  })

  it('ignores a deferral whose end has passed, even before the sweep closes it', () => {
    expect(effectiveState(finding, [repoScoped({ expiresAt: NOW })], NOW)).toEqual(OBSERVED)
    expect(effectiveState(finding, [repoScoped({ expiresAt: NOW + 1 })], NOW).state).toBe('DEFERRED')
  })

  it('applies a digest exception to that digest only', () => {
    const e = digestScoped({ kind: 'FALSE_POSITIVE' })
    expect(effectiveState(finding, [e], NOW).state).toBe('FALSE_POSITIVE')
    expect(effectiveState({ ...finding, digest: `sha256:${'2'.repeat(64)}` }, [e], NOW)).toEqual(OBSERVED)
  })

  it('applies a repository exception to every digest of the repository, and not to other repositories', () => {
    const e = repoScoped()
    expect(effectiveState({ ...finding, digest: `sha256:${'2'.repeat(64)}` }, [e], NOW).state).toBe('DEFERRED')
    expect(effectiveState({ ...finding, repoId: 'crr-otherotherother1' }, [e], NOW)).toEqual(OBSERVED)
  })

  it('applies a component exception to every image of the instance with that package version, and no other version or instance', () => {
    const e = exception({})
    expect(effectiveState({ ...finding, repoId: 'crr-otherotherother1', digest: `sha256:${'3'.repeat(64)}` }, [e], NOW).state).toBe('DEFERRED')
    expect(effectiveState({ ...finding, packageVersion: '2.14.0' }, [e], NOW)).toEqual(OBSERVED)
    expect(effectiveState({ ...finding, packageFormat: 'npm' }, [e], NOW)).toEqual(OBSERVED)
    expect(effectiveState({ ...finding, instanceId: 'cri-bbbbbbbbbbbbbbbb' }, [e], NOW)).toEqual(OBSERVED)
    expect(effectiveState({ ...finding, cveName: 'CVE-2021-45046' }, [e], NOW)).toEqual(OBSERVED)
  })

  it('compares CVE ids in any case', () => {
    expect(effectiveState({ ...finding, cveName: 'cve-2021-44228' }, [exception({})], NOW).state).toBe('DEFERRED')
  })

  it('lets the most specific scope win: digest over repository over component, whatever the order or approval time', () => {
    const component = exception({ exceptionId: 'vex-component0000001', kind: 'FALSE_POSITIVE', approvedAt: NOW - DAY })
    const repo = repoScoped({ exceptionId: 'vex-repository000001', kind: 'DEFERRAL', approvedAt: NOW - 2 * DAY })
    const digest = digestScoped({ exceptionId: 'vex-digest0000000001', kind: 'FALSE_POSITIVE', approvedAt: NOW - 3 * DAY })
    expect(effectiveState(finding, [component, repo, digest], NOW).exceptionId).toBe('vex-digest0000000001')
    expect(effectiveState(finding, [digest, repo, component], NOW).exceptionId).toBe('vex-digest0000000001')
    expect(effectiveState(finding, [component, repo], NOW)).toMatchObject({ exceptionId: 'vex-repository000001', state: 'DEFERRED' })
    // Once the narrower decision has ended, the broader one applies again.
    expect(effectiveState(finding, [component, { ...repo, expiresAt: NOW - 1 }], NOW)).toMatchObject({ exceptionId: 'vex-component0000001', state: 'FALSE_POSITIVE' })
  })

  it('takes the latest approval between two of one scope', () => {
    const older = repoScoped({ exceptionId: 'vex-older00000000001', approvedAt: NOW - 5 * DAY })
    const newer = repoScoped({ exceptionId: 'vex-newer00000000001', approvedAt: NOW - DAY, kind: 'FALSE_POSITIVE' })
    expect(effectiveState(finding, [newer, older], NOW).exceptionId).toBe('vex-newer00000000001')
    expect(effectiveState(finding, [older, newer], NOW).exceptionId).toBe('vex-newer00000000001')
  })
})
