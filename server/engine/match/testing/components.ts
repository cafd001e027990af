import type { Component, OsInfo } from '@contract/findings'

/**
 * Components as the inventory reports them, built by hand for matcher tests. The id is
 * `<format>:<name>`, unique within a test image.
 */
export function component(p: Partial<Component> & Pick<Component, 'name' | 'version' | 'format'>): Component {
  const source = p.format === 'dpkg' || p.format === 'apk' || p.format === 'rpm' ? 'OS' : p.format === 'npm' ? 'NODEJS' : p.format === 'pypi' ? 'PYTHON' : p.format === 'maven' ? 'JAVA' : p.format === 'go' ? 'GO' : p.format === 'nuget' ? 'DOTNET' : 'BINARY'
  return {
    componentId: `${p.format}:${p.group ? `${p.group}:` : ''}${p.name}`,
    source,
    purl: `pkg:generic/${p.name}@${p.version}`,
    layerIndex: 0,
    layerDigest: 'sha256:0000000000000000000000000000000000000000000000000000000000000000',
    location: 'test',
    licenses: [],
    ...p,
  }
}

/** dpkg: the binary package, its source package and the source's version when they differ. */
export const deb = (name: string, version: string, sourceName?: string, sourceVersion?: string): Component =>
  component({ format: 'dpkg', name, version, ...(sourceName ? { sourceName } : {}), ...(sourceVersion ? { sourceVersion } : {}) })

export const JAMMY: OsInfo = { id: 'ubuntu', versionId: '22.04', prettyName: 'Ubuntu 22.04.3 LTS', versionCodename: 'jammy', ecosystem: 'Ubuntu:22.04:LTS' }
export const FOCAL: OsInfo = { id: 'ubuntu', versionId: '20.04', prettyName: 'Ubuntu 20.04.6 LTS', versionCodename: 'focal', ecosystem: 'Ubuntu:20.04:LTS' }
export const ALPINE_3_18: OsInfo = { id: 'alpine', versionId: '3.18.4', prettyName: 'Alpine Linux v3.18', ecosystem: 'Alpine:v3.18' }
