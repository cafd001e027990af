import { describe, expect, it } from 'vitest'
import type { VulnerabilityItem } from '@contract/scans'
import { buildFixPlan } from './fix-plan'
import { dockerfileSnippet } from './fix-plan-dockerfile'

/**
 * The fix plan of .NET findings: NuGet packages are upgraded in the project and the
 * application rebuilt, so the plan names `dotnet` and the Dockerfile snippet says so in a
 * comment instead of a RUN line.
 */

const LAYER = `sha256:${'d'.repeat(64)}`

/** A NuGet finding as the vulnerability list stores it; the fix command is the engine's. */
function nugetRow(
  over: Pick<
    VulnerabilityItem,
    'cveName' | 'feature' | 'version' | 'versionFixed' | 'severity' | 'cvssScore' | 'componentId'
  >,
): VulnerabilityItem {
  return {
    cveLink: `https://github.com/advisories/${over.cveName}`,
    versionFormat: 'nuget',
    addedBy: LAYER,
    fixCmd: over.versionFixed ? `dotnet add package ${over.feature} --version ${over.versionFixed}` : '',
    description: '',
    cveLocation: 'app/WebApp.deps.json',
    scanType: 'sca',
    aliases: [],
    cvssV2: null,
    cvssV3: null,
    layerIndex: 1,
    publishedAt: null,
    modifiedAt: null,
    summary: '',
    fixedByNote: null,
    severitySource: 'ghsa',
    ...over,
  }
}

const newtonsoft = nugetRow({
  cveName: 'GHSA-5crp-9r3c-p9vr',
  feature: 'Newtonsoft.Json',
  version: '12.0.3',
  versionFixed: '13.0.1',
  severity: 'High',
  cvssScore: 7.5,
  componentId: 'c-newtonsoft',
})
// Microsoft.Data.SqlClient 2.1.1: CVE-2022-41064 is fixed in 2.1.2, CVE-2024-0056 in 2.1.7 (the 2.1 line's fixes).
const sqlClient = [
  nugetRow({
    cveName: 'GHSA-8g2p-5pqh-5jmc',
    feature: 'Microsoft.Data.SqlClient',
    version: '2.1.1',
    versionFixed: '2.1.2',
    severity: 'Medium',
    cvssScore: 5.8,
    componentId: 'c-sqlclient',
  }),
  nugetRow({
    cveName: 'GHSA-98g6-xh36-x2p7',
    feature: 'Microsoft.Data.SqlClient',
    version: '2.1.1',
    versionFixed: '2.1.7',
    severity: 'High',
    cvssScore: 8.7,
    componentId: 'c-sqlclient',
  }),
]

const plan = (rows: readonly VulnerabilityItem[]) =>
  buildFixPlan({ scanTaskId: 't', digest: `sha256:${'a'.repeat(64)}`, rows, layers: [] })

describe('buildFixPlan for NuGet packages', () => {
  it('makes a dotnet upgrade to the fixed version, with the engine’s dotnet add package command', () => {
    const p = plan([newtonsoft])
    expect(p.upgrades).toEqual([
      expect.objectContaining({
        name: 'Newtonsoft.Json',
        format: 'nuget',
        manager: 'dotnet',
        installedVersion: '12.0.3',
        targetVersion: '13.0.1',
        command: 'dotnet add package Newtonsoft.Json --version 13.0.1',
        location: 'app/WebApp.deps.json',
        closes: [expect.objectContaining({ cveName: 'GHSA-5crp-9r3c-p9vr' })],
      }),
    ])
    expect(p.dockerfile).toBe('# .NET (NuGet): rebuild the application with Newtonsoft.Json 13.0.1')
  })

  it('upgrades to the latest fix among a package’s findings and closes them all', () => {
    const p = plan(sqlClient)
    expect(p.upgrades).toHaveLength(1)
    expect(p.upgrades[0]).toMatchObject({
      name: 'Microsoft.Data.SqlClient',
      manager: 'dotnet',
      targetVersion: '2.1.7',
      command: 'dotnet add package Microsoft.Data.SqlClient --version 2.1.7',
    })
    expect(p.upgrades[0]?.closes.map((f) => f.cveName)).toEqual([
      'GHSA-98g6-xh36-x2p7',
      'GHSA-8g2p-5pqh-5jmc',
    ])
  })

  it('orders fixed versions as NuGet does: numbers numerically, a fourth number counts, a release after its pre-release', () => {
    // Made-up versions of a made-up package: text order would pick 4.9.0.1 and 6.0.0-rc.2,
    // and lenient SemVer cannot read four numbers.
    const fixes = (...versions: string[]) =>
      plan(
        versions.map((versionFixed, i) =>
          nugetRow({
            cveName: `GHSA-${i}`,
            feature: 'Example.Package',
            version: '1.0.0',
            versionFixed,
            severity: 'Medium',
            cvssScore: null,
            componentId: 'c-example',
          }),
        ),
      ).upgrades[0]?.targetVersion
    expect(fixes('4.9.0.1', '4.10.0.0')).toBe('4.10.0.0')
    expect(fixes('4.10.0', '4.10.0.1')).toBe('4.10.0.1')
    expect(fixes('6.0.0', '6.0.0-rc.2')).toBe('6.0.0')
  })

  it('puts the .NET comment after the RUN lines of the packages the image installs', () => {
    const apk: VulnerabilityItem = {
      ...newtonsoft,
      cveName: 'CVE-2023-5363',
      feature: 'libcrypto3',
      version: '3.1.3-r0',
      versionFixed: '3.1.4-r0',
      versionFormat: 'apk',
      fixCmd: 'apk add --upgrade libcrypto3=3.1.4-r0',
      scanType: 'cve',
      componentId: 'c-libcrypto3',
      layerIndex: 0,
    }
    const lines = plan([newtonsoft, ...sqlClient, apk]).dockerfile.split('\n')
    // Within the comment, packages keep the plan's order: SqlClient removes more risk (8.7 + 5.8).
    expect(lines).toEqual([
      'RUN apk add --no-cache --upgrade libcrypto3=3.1.4-r0',
      '# .NET (NuGet): rebuild the application with Microsoft.Data.SqlClient 2.1.7, Newtonsoft.Json 13.0.1',
    ])
  })

  it('asks for a newer .NET runtime, not a package upgrade, for the runtime itself', () => {
    // StackRox reports the shared framework installed in the image, with no command.
    const runtime = nugetRow({
      cveName: 'CVE-2020-1108',
      feature: 'microsoft.netcore.app',
      version: '3.1.2',
      versionFixed: '3.1.4',
      severity: 'High',
      cvssScore: 7.5,
      componentId: 'c-runtime',
    })
    const p = plan([{ ...runtime, fixCmd: '' }, newtonsoft])
    expect(p.dockerfile.split('\n')).toEqual([
      '# .NET (NuGet): rebuild the application with Newtonsoft.Json 13.0.1',
      '# .NET runtime: use a base image with microsoft.netcore.app 3.1.4 or later (or publish self-contained with an SDK that bundles it)',
    ])
    // Our own scans give the runtime pack the engine's instruction, which the snippet reads back.
    const pack = plan([{ ...runtime, feature: 'Microsoft.NETCore.App.Runtime.linux-x64', fixCmd: 'move to .NET runtime Microsoft.NETCore.App.Runtime.linux-x64 3.1.4 or later' }])
    expect(pack.upgrades[0]).toMatchObject({ manager: 'dotnet', command: 'move to .NET runtime Microsoft.NETCore.App.Runtime.linux-x64 3.1.4 or later' })
    expect(pack.dockerfile).toBe(
      '# .NET runtime: use a base image with Microsoft.NETCore.App.Runtime.linux-x64 3.1.4 or later (or publish self-contained with an SDK that bundles it)',
    )
  })

  it('builds the snippet from name and version when the upstream gave no command', () => {
    const [upgrade] = plan([{ ...newtonsoft, fixCmd: '' }]).upgrades
    expect(upgrade).toMatchObject({ manager: 'dotnet', command: '' })
    expect(dockerfileSnippet(upgrade ? [upgrade] : [])).toBe(
      '# .NET (NuGet): rebuild the application with Newtonsoft.Json 13.0.1',
    )
  })
})
