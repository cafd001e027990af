import { describe, expect, it } from 'vitest'
import { summarizeCycloneDx } from './sbom-summary'

const doc = {
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  serialNumber: 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79',
  version: 1,
  metadata: { timestamp: '2026-01-02T03:04:05.000Z', tools: { components: [{ type: 'application', name: 'layerscope', version: '0.9.0' }] } },
  components: [
    { type: 'operating-system', name: 'ubuntu', version: '22.04' },
    { type: 'library', name: 'libc6', purl: 'pkg:deb/ubuntu/libc6@2.35?arch=amd64', licenses: [{ license: { id: 'LGPL-2.1' } }] },
    { type: 'library', name: 'zlib1g', purl: 'pkg:deb/ubuntu/zlib1g@1.2.11', licenses: [{ license: { name: 'Zlib license' } }] },
    { type: 'library', name: 'express', purl: 'pkg:npm/express@4.17.1', licenses: [{ license: { id: 'MIT' } }] },
    { type: 'library', name: 'lodash', purl: 'pkg:npm/lodash@4.17.20', licenses: [{ expression: 'MIT OR Apache-2.0' }] },
    { type: 'library', name: 'ms', purl: 'pkg:NPM/ms@2.0.0', licenses: [{ license: { id: 'MIT' } }] },
  ],
}

describe('summarizeCycloneDx', () => {
  it('counts components by type, ecosystem and licence, and reads the document’s identity', () => {
    const s = summarizeCycloneDx(doc)
    expect(s).toMatchObject({ specVersion: '1.6', serialNumber: doc.serialNumber, version: 1, timestamp: '2026-01-02T03:04:05.000Z', tools: ['layerscope 0.9.0'] })
    expect(s.componentCount).toBe(6)
    expect(s.byType).toEqual([
      { key: 'library', count: 5 },
      { key: 'operating-system', count: 1 },
    ])
    expect(s.byEcosystem).toEqual([
      { key: 'npm', count: 3 },
      { key: 'deb', count: 2 },
      { key: 'none', count: 1 },
    ])
    expect(s.licences).toEqual([
      { key: 'MIT', count: 2 },
      { key: 'LGPL-2.1', count: 1 },
      { key: 'MIT OR Apache-2.0', count: 1 },
      { key: 'Zlib license', count: 1 },
    ])
    expect(s.withoutLicence).toBe(1)
  })

  it('reads the older list of tools and a document without components', () => {
    const s = summarizeCycloneDx({ bomFormat: 'CycloneDX', specVersion: '1.4', metadata: { tools: [{ vendor: 'acme', name: 'scanner', version: '2' }] } })
    expect(s).toMatchObject({ tools: ['acme scanner 2'], componentCount: 0, byType: [], serialNumber: null, version: null })
  })

  it('rejects what is not CycloneDX', () => {
    expect(() => summarizeCycloneDx({ spdxVersion: 'SPDX-2.3' })).toThrow()
  })
})
