import type { Component, Finding, Severity } from '@contract/findings'
import { Enums, Models } from '@cyclonedx/cyclonedx-library'
import { severityFromScore, severityFromV2 } from '../cvss/severity'

const CDX_SEVERITY: Record<Severity, Enums.Vulnerability.Severity> = {
  Critical: Enums.Vulnerability.Severity.Critical,
  High: Enums.Vulnerability.Severity.High,
  Medium: Enums.Vulnerability.Severity.Medium,
  Low: Enums.Vulnerability.Severity.Low,
  Unknown: Enums.Vulnerability.Severity.Unknown,
}

// Advisory id prefix → the database that publishes it, for `source.name` and references.
const DATABASES: readonly [RegExp, string][] = [
  [/^CVE-/, 'NVD'],
  [/^GHSA-/, 'GitHub Advisory Database'],
  [/^GO-/, 'Go Vulnerability Database'],
  [/^PYSEC-/, 'PyPA Advisory Database'],
  [/^(USN|UBUNTU)-/, 'Ubuntu'],
  [/^(DSA|DLA|DTSA|DEBIAN)-/, 'Debian'],
  [/^ALPINE-/, 'Alpine'],
  [/^(RHSA|RHBA|RHEA)-/, 'Red Hat'],
]

const databaseOf = (id: string): string => DATABASES.find(([re]) => re.test(id))?.[1] ?? 'OSV'

/** Go vulndb's unpublished records say `0001-01-01T00:00:00Z`: a placeholder, not a date. */
function dateOf(iso: string | undefined): Date | undefined {
  if (iso === undefined) return undefined
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1970 ? undefined : date
}

/** One rating per CVSS version the finding carries, plus the vendor's word when that decided. */
function ratingsOf(f: Finding): Models.Vulnerability.Rating[] {
  const ratings: Models.Vulnerability.Rating[] = []
  const rating = (
    method: Enums.Vulnerability.RatingMethod,
    cvss: { vector: string; baseScore: number },
    severity: Severity,
  ) =>
    ratings.push(
      new Models.Vulnerability.Rating({
        method,
        vector: cvss.vector,
        score: cvss.baseScore,
        severity: CDX_SEVERITY[severity],
      }),
    )
  const { RatingMethod } = Enums.Vulnerability
  if (f.cvssV3)
    rating(
      f.cvssV3.version === '3.1' ? RatingMethod.CVSSv31 : RatingMethod.CVSSv3,
      f.cvssV3,
      severityFromScore(f.cvssV3.baseScore),
    )
  if (f.cvssV4) rating(RatingMethod.CVSSv4, f.cvssV4, severityFromScore(f.cvssV4.baseScore))
  if (f.cvssV2) rating(RatingMethod.CVSSv2, f.cvssV2, severityFromV2(f.cvssV2.baseScore))
  // When a vendor's word (Ubuntu priority, GHSA) decided, show it beside the CVSS ratings
  // ("vendor: LOW / NVD: 9.8"); with no evidence at all (`none`), say unknown outright.
  if (!f.severitySource.startsWith('cvss')) {
    const source =
      f.severitySource === 'none'
        ? {}
        : { source: new Models.Vulnerability.Source({ name: f.severitySource }) }
    ratings.push(
      new Models.Vulnerability.Rating({
        method: RatingMethod.Other,
        severity: CDX_SEVERITY[f.severity],
        ...source,
      }),
    )
  }
  return ratings
}

/**
 * CycloneDX vulnerabilities for the findings: one entry per vulnerability id (as Trivy does),
 * affecting every component that has it. Ratings, texts and dates come from the first finding
 * of the id; each affected package's fix goes into `recommendation`.
 */
export function toVulnerabilities(
  findings: readonly Finding[],
  components: ReadonlyMap<string, { model: Models.Component; component: Component }>,
): Models.Vulnerability.Vulnerability[] {
  const byId = new Map<string, Finding[]>()
  for (const f of findings) byId.set(f.vulnerabilityId, [...(byId.get(f.vulnerabilityId) ?? []), f])

  return [...byId].map(([id, unordered]) => {
    // Ordered so the output does not depend on the order the engine found things in.
    const group = unordered.toSorted((a, b) => a.componentId.localeCompare(b.componentId))
    const first = group[0] as Finding
    const vulnerability = new Models.Vulnerability.Vulnerability({
      bomRef: `vuln:${id}`,
      id,
      // The record we read it from, not the CVE's numbering authority: the link points there.
      source: new Models.Vulnerability.Source({
        name: databaseOf(first.advisoryIds[0] ?? id),
        ...(first.link ? { url: first.link } : {}),
      }),
      description: first.summary || first.description || undefined,
      detail:
        first.summary && first.description && first.description !== first.summary
          ? first.description
          : undefined,
      published: dateOf(first.publishedAt),
      updated: dateOf(first.modifiedAt),
    })
    for (const r of ratingsOf(first)) vulnerability.ratings.add(r)
    for (const alias of new Set(group.flatMap((f) => [...f.aliases, ...f.advisoryIds]))) {
      if (alias === id) continue
      vulnerability.references.add(
        new Models.Vulnerability.Reference(
          alias,
          new Models.Vulnerability.Source({ name: databaseOf(alias) }),
        ),
      )
    }
    if (first.link)
      vulnerability.advisories.add(
        new Models.Vulnerability.Advisory(first.link, { title: first.advisoryIds.join(', ') || id }),
      )

    const fixes: string[] = []
    for (const f of group) {
      const target = components.get(f.componentId)
      if (!target) continue
      const affect = new Models.Vulnerability.Affect(target.model.bomRef)
      affect.versions.add(
        new Models.Vulnerability.AffectedSingleVersion(target.component.version, {
          status: Enums.Vulnerability.AffectStatus.Affected,
        }),
      )
      vulnerability.affects.add(affect)
      if (f.fixedBy) fixes.push(`Upgrade ${target.component.name} to version ${f.fixedBy}.`)
    }
    const recommendation = [...new Set(fixes)].sort().join(' ')
    if (recommendation) vulnerability.recommendation = recommendation
    return vulnerability
  })
}
