import { createHash } from 'node:crypto'
import type { Component, ImageReport } from '@contract/findings'
import { Enums, Models, Serialize, Spec, SPDX } from '@cyclonedx/cyclonedx-library'
import { toVulnerabilities } from './cyclonedx-vulnerabilities'
import { ociPurl } from './oci-purl'

export type CycloneDxOptions = {
  /** Add `vulnerabilities[]` (a CycloneDX VDR); without it the output is a plain SBOM. */
  withVulnerabilities: boolean
  /** Layerscope's version for `metadata.tools`; left out when not given. */
  toolVersion?: string
}

/**
 * The scanned image as a CycloneDX 1.6 JSON document, built with the official library so the
 * shape follows the spec (layout after Trivy's `pkg/sbom/cyclonedx/marshal.go`).
 *
 * Deterministic: the same report always gives the same bytes (lists sorted, serial number
 * derived from the manifest digest and scan time), so an SBOM can be diffed and cached.
 *
 * @example
 * const json = toCycloneDx(report, { withVulnerabilities: true })
 * JSON.parse(json).metadata.component.type // 'container'
 */
export function toCycloneDx(report: ImageReport, opts: CycloneDxOptions): string {
  const image = imageComponent(report)
  const bom = new Models.Bom({
    serialNumber: serialNumber(report, opts.withVulnerabilities),
    metadata: new Models.Metadata({
      timestamp: new Date(report.scannedAt),
      component: image,
      tools: new Models.Tools({
        components: new Models.ComponentRepository([
          new Models.Component(
            Enums.ComponentType.Application,
            'layerscope',
            opts.toolVersion ? { version: opts.toolVersion } : {},
          ),
        ]),
      }),
    }),
  })

  if (report.os) {
    const os = new Models.Component(Enums.ComponentType.OperatingSystem, report.os.id, {
      bomRef: `os:${report.os.id}@${report.os.versionId}`,
      version: report.os.versionId,
      description: report.os.prettyName,
    })
    bom.components.add(os)
    image.dependencies.add(os.bomRef)
  }

  const byId = new Map<string, { model: Models.Component; component: Component }>()
  for (const c of report.components) {
    const model = libraryComponent(c, report)
    bom.components.add(model)
    // Flat graph: we know what the image contains, not what requires what.
    image.dependencies.add(model.bomRef)
    byId.set(c.componentId, { model, component: c })
  }

  if (opts.withVulnerabilities) {
    for (const v of toVulnerabilities(report.findings, byId)) bom.vulnerabilities.add(v)
  }

  const serializer = new Serialize.JsonSerializer(new Serialize.JSON.Normalize.Factory(Spec.Spec1dot6))
  return serializer.serialize(bom, { sortLists: true, space: 2 })
}

function imageComponent(report: ImageReport): Models.Component {
  const { image } = report
  const purl = ociPurl(image)
  const component = new Models.Component(Enums.ComponentType.Container, image.repository, {
    bomRef: purl,
    version: image.digest,
    purl,
  })
  const props: [string, string | undefined][] = [
    ['layerscope:image:reference', image.reference],
    ['layerscope:image:manifestDigest', image.manifestDigest],
    ['layerscope:image:configDigest', image.configDigest],
    ['layerscope:image:platform', image.platform],
    ['layerscope:image:createdAt', image.createdAt],
  ]
  for (const [name, value] of props) if (value) component.properties.add(new Models.Property(name, value))
  return component
}

function libraryComponent(c: Component, report: ImageReport): Models.Component {
  const model = new Models.Component(Enums.ComponentType.Library, c.name, {
    bomRef: c.componentId,
    version: c.version,
    purl: c.purl,
    group: c.group,
  })
  for (const license of new Set(c.licenses)) model.licenses.add(toLicense(license))
  const props: [string, string | undefined][] = [
    ['layerscope:layer:index', String(c.layerIndex)],
    ['layerscope:layer:digest', c.layerDigest],
    ['layerscope:layer:diffId', report.layers.find((l) => l.index === c.layerIndex)?.diffId],
    ['layerscope:location', c.location],
    ['layerscope:package:format', c.format],
    ['layerscope:package:source', c.source],
    ['layerscope:package:sourceName', c.sourceName],
    ['layerscope:package:sourceVersion', c.sourceVersion],
  ]
  for (const [name, value] of props) if (value) model.properties.add(new Models.Property(name, value))
  return model
}

/**
 * An SPDX licence when the string is (case aside) an SPDX id, else a named licence. Compound
 * expressions (`MIT OR Apache-2.0`) stay named: checking them needs spdx-expression-parse,
 * and CycloneDX forbids mixing an expression with other licences of the same component.
 */
function toLicense(text: string): Models.DisjunctiveLicense {
  const id = SPDX.fixupSpdxId(text.trim())
  return id !== undefined ? new Models.SpdxLicense(id) : new Models.NamedLicense(text)
}

/** A name-based (v5) UUID: stable for one scan and variant, different for every other scan. */
function serialNumber(report: ImageReport, withVulnerabilities: boolean): string {
  const URL_NAMESPACE = '6ba7b8119dad11d180b400c04fd430c8'
  const hash = createHash('sha1')
    .update(Buffer.from(URL_NAMESPACE, 'hex'))
    .update(
      `layerscope:${report.image.manifestDigest}:${report.scannedAt}:${withVulnerabilities ? 'vdr' : 'sbom'}`,
    )
    .digest()
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80
  const hex = hash.subarray(0, 16).toString('hex')
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
