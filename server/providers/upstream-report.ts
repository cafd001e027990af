import { createHash } from 'node:crypto'
import type { Component, ComponentSource, Finding, PackageFormat, Severity } from '@contract/findings'
import { componentRisk } from '../engine/match/component-risk'

/**
 * Pieces shared by the mappings of upstream scan results (ACR, StackRox) onto our report:
 * stable component ids, the source of each package format, and component risks computed
 * the way the engine computes them.
 */

/** Stable within a report, as the engine's: the same inputs give the same id. */
export function upstreamComponentId(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 16)
}

export const SOURCE_OF_FORMAT: Record<PackageFormat, ComponentSource> = {
  dpkg: 'OS',
  apk: 'OS',
  rpm: 'OS',
  npm: 'NODEJS',
  pypi: 'PYTHON',
  maven: 'JAVA',
  go: 'GO',
  gem: 'RUBY',
  nuget: 'DOTNET',
}

const PURL_TYPE: Partial<Record<PackageFormat, string>> = { npm: 'npm', pypi: 'pypi', gem: 'gem', go: 'golang', nuget: 'nuget' }

/**
 * A package URL where the upstream's data determines one. OS packages need the
 * distribution as namespace and Maven the groupId, which the upstreams do not report,
 * so those stay empty rather than guessed.
 */
export function upstreamPurl(format: PackageFormat, name: string, version: string): string {
  const type = PURL_TYPE[format]
  if (!type || !name) return ''
  const path = name
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/')
  return `pkg:${type}/${path}${version ? `@${encodeURIComponent(version)}` : ''}`
}

const BASE_SCORE = (f: Finding) => f.cvssV3?.baseScore ?? f.cvssV2?.baseScore ?? null

/** Per component, what its findings add up to; `fixedBy` is the upstream's own "fixes all" version when it gives one. */
export function upstreamComponentRisks(components: readonly Component[], findings: readonly Finding[], fixedBy?: ReadonlyMap<string, string>) {
  const byComponent = new Map<string, Finding[]>()
  for (const f of findings) byComponent.set(f.componentId, [...(byComponent.get(f.componentId) ?? []), f])
  return components.map((c) => {
    const risk = componentRisk(
      c.componentId,
      (byComponent.get(c.componentId) ?? []).map((finding) => ({ finding, score: BASE_SCORE(finding) })),
      undefined,
    )
    const all = fixedBy?.get(c.componentId)
    return all ? { ...risk, fixedByAll: all } : risk
  })
}

/** ACR's and StackRox's severity words, case-insensitively; anything else is Unknown. */
export function severityFromWord(word: string | undefined): Severity {
  switch ((word ?? '').toLowerCase()) {
    case 'critical':
      return 'Critical'
    case 'high':
    case 'important':
      return 'High'
    case 'medium':
    case 'moderate':
      return 'Medium'
    case 'low':
      return 'Low'
    default:
      return 'Unknown'
  }
}

/** An advisory store summary for reports whose advisories are the upstream's, not ours. */
export const NO_LOCAL_ADVISORIES = { recordCount: 0, importedAt: null, newestModified: null } as const
