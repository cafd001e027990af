import { z } from 'zod'

/*
 * Only the parts of a CycloneDX JSON document the SBOM tab summarises. Optional where the
 * spec makes them optional, and `tools` in both of its shapes (a list before 1.5, an object
 * of components and services since), so the summary reads any CycloneDX, not only ours.
 */
const tool = z.object({ name: z.string(), version: z.string().optional(), vendor: z.string().optional() })
const licenseChoice = z.object({
  license: z.object({ id: z.string().optional(), name: z.string().optional() }).optional(),
  expression: z.string().optional(),
})
const bomComponent = z.object({
  type: z.string(),
  name: z.string(),
  purl: z.string().optional(),
  licenses: z.array(licenseChoice).optional(),
})
const cycloneDxDocument = z.object({
  bomFormat: z.literal('CycloneDX'),
  specVersion: z.string(),
  serialNumber: z.string().optional(),
  version: z.number().optional(),
  metadata: z
    .object({
      timestamp: z.string().optional(),
      tools: z.union([z.array(tool), z.object({ components: z.array(tool).optional() })]).optional(),
    })
    .optional(),
  components: z.array(bomComponent).optional(),
})

export interface SbomCount {
  key: string
  count: number
}

export interface SbomSummary {
  specVersion: string
  serialNumber: string | null
  /** The document's own version (1 for a first issue). */
  version: number | null
  timestamp: string | null
  /** "layerscope 1.2.0": who made the document. */
  tools: string[]
  componentCount: number
  /** By CycloneDX component type (library, operating-system, …), most first. */
  byType: SbomCount[]
  /** By purl type (deb, apk, npm, pypi, maven, golang, …), most first; `none` for components without a purl. */
  byEcosystem: SbomCount[]
  /** Licence ids, names or expressions, most used first. */
  licences: SbomCount[]
  /** Components that declare no licence at all. */
  withoutLicence: number
}

const byCountThenKey = (a: SbomCount, b: SbomCount) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)

function tally(keys: Iterable<string>): SbomCount[] {
  const counts = new Map<string, number>()
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1)
  return [...counts].map(([key, count]) => ({ key, count })).sort(byCountThenKey)
}

/** `pkg:deb/ubuntu/libc6@…` → `deb`. */
const ecosystemOf = (purl: string | undefined) => /^pkg:([^/]+)\//.exec(purl ?? '')?.[1]?.toLowerCase() ?? 'none'

/**
 * What a CycloneDX JSON document holds, counted for the SBOM tab. Throws a ZodError when the
 * document is not CycloneDX JSON.
 *
 * @example
 * const summary = summarizeCycloneDx(JSON.parse(text))
 * summary.byEcosystem // [{ key: 'deb', count: 92 }, { key: 'npm', count: 14 }]
 */
export function summarizeCycloneDx(document: unknown): SbomSummary {
  const bom = cycloneDxDocument.parse(document)
  const components = bom.components ?? []
  const tools = bom.metadata?.tools
  const toolList = Array.isArray(tools) ? tools : (tools?.components ?? [])
  const licenceNames = components.flatMap((c) => (c.licenses ?? []).map((l) => l.expression ?? l.license?.id ?? l.license?.name).filter((n): n is string => Boolean(n)))
  return {
    specVersion: bom.specVersion,
    serialNumber: bom.serialNumber ?? null,
    version: bom.version ?? null,
    timestamp: bom.metadata?.timestamp ?? null,
    tools: toolList.map((t) => [t.vendor, t.name, t.version].filter(Boolean).join(' ')),
    componentCount: components.length,
    byType: tally(components.map((c) => c.type)),
    byEcosystem: tally(components.map((c) => ecosystemOf(c.purl))),
    licences: tally(licenceNames),
    withoutLicence: components.filter((c) => !c.licenses?.length).length,
  }
}
