import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { Spec, Validation } from '@cyclonedx/cyclonedx-library'
import { describe, expect, it } from 'vitest'
import { sampleReport } from '../report/testing/sample-report'
import { toCycloneDx } from './cyclonedx'

type Json = Record<string, unknown>
type Cdx = {
  serialNumber: string
  metadata: { component: Json; tools: { components: Json[] }; timestamp: string }
  components: (Json & { 'bom-ref': string; properties?: { name: string; value: string }[] })[]
  dependencies: { ref: string; dependsOn?: string[] }[]
  vulnerabilities?: (Json & { id: string; ratings: Json[]; affects: { ref: string; versions: Json[] }[] })[]
}

const bomOf = (withVulnerabilities: boolean): Cdx =>
  JSON.parse(toCycloneDx(sampleReport(), { withVulnerabilities })) as Cdx
const require = createRequire(import.meta.url)

/** The official CycloneDX 1.6 JSON schema, as the library ships it. */
function officialSchema(): {
  properties: Json
  definitions: Record<string, { properties: Json; required?: string[]; enum?: string[] }>
} {
  const root = dirname(require.resolve('@cyclonedx/cyclonedx-library/package.json'))
  return JSON.parse(
    readFileSync(join(root, 'res/schema/bom-1.6.SNAPSHOT.schema.json'), 'utf8'),
  ) as ReturnType<typeof officialSchema>
}

describe('toCycloneDx: document and image', () => {
  const bom = bomOf(true)

  it('is CycloneDX 1.6 JSON with a name-based serial number', () => {
    expect(bom).toMatchObject({
      $schema: 'http://cyclonedx.org/schema/bom-1.6.schema.json',
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      version: 1,
    })
    expect(bom.serialNumber).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    )
    expect(bom.metadata.timestamp).toBe('2024-05-01T11:00:00.000Z')
  })

  it('is deterministic, and a plain SBOM has its own serial number', () => {
    expect(toCycloneDx(sampleReport(), { withVulnerabilities: true })).toBe(
      toCycloneDx(sampleReport(), { withVulnerabilities: true }),
    )
    expect(bomOf(false).serialNumber).not.toBe(bom.serialNumber)
  })

  it('describes the image as the container component, with an oci purl', () => {
    const purl =
      'pkg:oci/api@sha256%3A' +
      'a'.repeat(64) +
      '?arch=amd64&repository_url=registry.example.com%2Fshop%2Fapi&tag=1.4.2'
    expect(bom.metadata.component).toMatchObject({
      type: 'container',
      name: 'registry.example.com/shop/api',
      version: `sha256:${'a'.repeat(64)}`,
      purl,
      'bom-ref': purl,
    })
    expect(bom.metadata.component.properties).toContainEqual({
      name: 'layerscope:image:manifestDigest',
      value: `sha256:${'b'.repeat(64)}`,
    })
  })

  it('names Layerscope as the tool', () => {
    expect(bom.metadata.tools.components).toEqual([{ type: 'application', name: 'layerscope' }])
    const versioned = JSON.parse(
      toCycloneDx(sampleReport(), { withVulnerabilities: false, toolVersion: '0.1.0' }),
    ) as Cdx
    expect(versioned.metadata.tools.components).toEqual([
      { type: 'application', name: 'layerscope', version: '0.1.0' },
    ])
  })
})

describe('toCycloneDx: components', () => {
  const bom = bomOf(false)
  const byRef = new Map(bom.components.map((c) => [c['bom-ref'], c]))

  it('has the OS and one library per package, keyed by componentId', () => {
    expect(bom.components.map((c) => [c['bom-ref'], c.type])).toEqual([
      ['c-libssl3', 'library'],
      ['c-lodash', 'library'],
      ['c-log4j-core', 'library'],
      ['c-openssl', 'library'],
      ['c-requests', 'library'],
      ['c-zlib1g', 'library'],
      ['os:ubuntu@22.04', 'operating-system'],
    ])
    expect(byRef.get('os:ubuntu@22.04')).toMatchObject({
      name: 'ubuntu',
      version: '22.04',
      description: 'Ubuntu 22.04.3 LTS',
    })
  })

  it('carries purl, group, version and the layer properties', () => {
    expect(byRef.get('c-log4j-core')).toMatchObject({
      name: 'log4j-core',
      group: 'org.apache.logging.log4j',
      version: '2.14.1',
      purl: 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1',
    })
    expect(byRef.get('c-log4j-core')?.properties).toEqual([
      { name: 'layerscope:layer:diffId', value: `sha256:d2${'f'.repeat(62)}` },
      { name: 'layerscope:layer:digest', value: `sha256:3c3c${'0'.repeat(60)}` },
      { name: 'layerscope:layer:index', value: '2' },
      { name: 'layerscope:location', value: 'app/app.jar!/BOOT-INF/lib/log4j-core-2.14.1.jar' },
      { name: 'layerscope:package:format', value: 'maven' },
      { name: 'layerscope:package:source', value: 'JAVA' },
    ])
    expect(byRef.get('c-openssl')?.properties).toContainEqual({
      name: 'layerscope:package:sourceName',
      value: 'openssl',
    })
  })

  it('writes SPDX ids when the licence is one (case fixed), named licences otherwise', () => {
    expect(byRef.get('c-lodash')?.licenses).toEqual([{ license: { id: 'MIT' } }])
    expect(byRef.get('c-log4j-core')?.licenses).toEqual([{ license: { id: 'Apache-2.0' } }])
    expect(byRef.get('c-requests')?.licenses).toEqual([{ license: { name: 'Apache 2.0' } }])
  })

  it('makes a flat dependency graph from the image', () => {
    const image = bom.dependencies.find((d) => d.ref === bom.metadata.component['bom-ref'])
    expect(image?.dependsOn).toEqual([...byRef.keys()].sort())
    expect(bom.dependencies.filter((d) => d.dependsOn === undefined).map((d) => d.ref)).toEqual(
      [...byRef.keys()].sort(),
    )
  })

  it('leaves vulnerabilities out of a plain SBOM', () => {
    expect(bom).not.toHaveProperty('vulnerabilities')
  })
})

describe('toCycloneDx: vulnerabilities', () => {
  const bom = bomOf(true)
  const vulns = new Map((bom.vulnerabilities ?? []).map((v) => [v.id, v]))

  it('has one entry per vulnerability id, affecting every package that has it', () => {
    expect([...vulns.keys()]).toEqual([
      'CVE-2020-28500',
      'CVE-2021-23337',
      'CVE-2021-44228',
      'CVE-2023-0286',
      'CVE-2023-45853',
      'CVE-2024-35195',
    ])
    expect(vulns.get('CVE-2023-0286')).toMatchObject({
      affects: [
        { ref: 'c-libssl3', versions: [{ version: '3.0.2-0ubuntu1.7', status: 'affected' }] },
        { ref: 'c-openssl', versions: [{ version: '3.0.2-0ubuntu1.7', status: 'affected' }] },
      ],
      recommendation:
        'Upgrade libssl3 to version 3.0.2-0ubuntu1.8. Upgrade openssl to version 3.0.2-0ubuntu1.8.',
      source: { name: 'Ubuntu', url: 'https://ubuntu.com/security/CVE-2023-0286' },
    })
  })

  it('rates log4shell with CVSS v3.1 and v2, each with vector, score, method and band', () => {
    expect(vulns.get('CVE-2021-44228')).toMatchObject({
      source: { name: 'GitHub Advisory Database', url: 'https://github.com/advisories/GHSA-jfh8-c2jp-5v3q' },
      references: [{ id: 'GHSA-jfh8-c2jp-5v3q', source: { name: 'GitHub Advisory Database' } }],
      ratings: [
        { method: 'CVSSv2', score: 9.3, severity: 'high', vector: 'AV:N/AC:M/Au:N/C:C/I:C/A:C' },
        {
          method: 'CVSSv31',
          score: 10,
          severity: 'critical',
          vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H',
        },
      ],
      description: 'Remote code injection in Log4j',
      recommendation: 'Upgrade log4j-core to version 2.15.0.',
      advisories: [
        { title: 'GHSA-jfh8-c2jp-5v3q', url: 'https://github.com/advisories/GHSA-jfh8-c2jp-5v3q' },
      ],
      published: '2021-12-10T00:00:00.000Z',
    })
    // Go vulndb's zero time is a placeholder, not an update date.
    expect(vulns.get('CVE-2021-44228')).not.toHaveProperty('updated')
  })

  it('keeps the vendor severity beside NVD when the vendor decided', () => {
    expect(vulns.get('CVE-2023-45853')?.ratings).toEqual([
      { source: { name: 'ubuntu_priority' }, severity: 'low', method: 'other' },
      {
        score: 9.8,
        severity: 'critical',
        method: 'CVSSv31',
        vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
      },
    ])
    expect(vulns.get('CVE-2023-45853')).not.toHaveProperty('recommendation')
  })

  it('says unknown for a record with no severity at all', () => {
    expect(vulns.get('CVE-2024-35195')?.ratings).toEqual([{ severity: 'unknown', method: 'other' }])
  })

  it('points every affects ref at a component', () => {
    const refs = new Set(bom.components.map((c) => c['bom-ref']))
    expect(
      [...vulns.values()].flatMap((v) => v.affects.map((a) => a.ref)).filter((ref) => !refs.has(ref)),
    ).toEqual([])
  })
})

describe('toCycloneDx: against the CycloneDX 1.6 JSON schema', () => {
  const json = toCycloneDx(sampleReport(), { withVulnerabilities: true })
  let hasAjv = true
  try {
    require.resolve('ajv')
  } catch {
    hasAjv = false
  }

  // The library's validator needs the optional peer `ajv`, which the project does not install.
  it.skipIf(!hasAjv)('passes the library strict validator', async () => {
    expect(await new Validation.JsonStrictValidator(Spec.Version.v1dot6).validate(json)).toBeNull()
  })

  // Without ajv: the schema's closed objects, required keys and enums, checked by hand.
  it('uses only keys, required fields and enum values the schema allows', () => {
    const { properties, definitions: d } = officialSchema()
    const bom = JSON.parse(json) as Cdx
    const keysOutside = (obj: object, allowed: Json) => Object.keys(obj).filter((k) => !(k in allowed))
    const enumOf = (name: string) => d[name]?.enum ?? []
    const component = d.component ?? { properties: {} }

    expect(keysOutside(bom, properties)).toEqual([])
    expect(keysOutside(bom.metadata, d.metadata?.properties ?? {})).toEqual([])
    expect(bom.serialNumber).toMatch(new RegExp((properties.serialNumber as { pattern: string }).pattern))
    for (const c of [bom.metadata.component, ...bom.components, ...bom.metadata.tools.components]) {
      expect(keysOutside(c, component.properties)).toEqual([])
      expect(Object.keys(c)).toEqual(expect.arrayContaining(component.required ?? []))
      expect((component.properties.type as { enum: string[] }).enum).toContain(c.type)
    }
    for (const dep of bom.dependencies) expect(keysOutside(dep, d.dependency?.properties ?? {})).toEqual([])
    for (const v of bom.vulnerabilities ?? []) {
      expect(keysOutside(v, d.vulnerability?.properties ?? {})).toEqual([])
      for (const r of v.ratings) {
        expect(keysOutside(r, d.rating?.properties ?? {})).toEqual([])
        expect(enumOf('scoreMethod')).toContain(r.method)
        expect(enumOf('severity')).toContain(r.severity)
      }
      for (const a of v.affects)
        for (const ver of a.versions) expect(enumOf('affectedStatus')).toContain(ver.status)
    }
    const refs = [
      bom.metadata.component['bom-ref'],
      ...bom.components.map((c) => c['bom-ref']),
      ...(bom.vulnerabilities ?? []).map((v) => v['bom-ref']),
    ]
    expect(new Set(refs).size).toBe(refs.length)
  })
})
