import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { dotnetAnalyzer, splitLibraryKey } from './dotnet'

const fixture = (name: string) => readFileSync(new URL(`testdata/${name}`, import.meta.url))
const analyze = async (path: string, content: string | Buffer | object) =>
  dotnetAnalyzer.analyze({
    path,
    bytes: Buffer.isBuffer(content)
      ? content
      : Buffer.from(typeof content === 'string' ? content : JSON.stringify(content, null, 2)),
    mode: 0o644,
  })
const names = (out: Awaited<ReturnType<typeof analyze>>) =>
  (out.packages ?? []).map((p) => `${p.name}@${p.version}`).sort()

describe('dotnet deps.json analyzer', () => {
  it('reports the NuGet packages a real net6.0 deps.json loads, not the projects or the in-box ones', async () => {
    const out = await analyze('app/TestLibrary.deps.json', fixture('TestLibrary.deps.json'))
    expect(out.notes).toBeUndefined()
    // TestLibrary and TestCommon are projects; System.Diagnostics.DiagnosticSource and
    // System.Runtime.CompilerServices.Unsafe 6.0.0 have no runtime assets on net6.0 (the
    // shared framework's copies are used), so nothing of them is in the image.
    expect(names(out)).toEqual([
      'AWSSDK.Core@3.7.10.6',
      'Microsoft.Extensions.DependencyInjection.Abstractions@6.0.0',
      'Microsoft.Extensions.DependencyInjection@6.0.0',
      'Microsoft.Extensions.Logging.Abstractions@6.0.0',
      'Microsoft.Extensions.Logging@6.0.0',
      'Microsoft.Extensions.Options@6.0.0',
      'Microsoft.Extensions.Primitives@6.0.0',
      'Newtonsoft.Json@13.0.1',
      'Serilog.Sinks.Console@4.0.1',
      'Serilog@2.10.0',
    ])
    expect(out.packages?.find((p) => p.name === 'Newtonsoft.Json')).toEqual({
      name: 'Newtonsoft.Json',
      version: '13.0.1',
      format: 'nuget',
      source: 'DOTNET',
      purl: 'pkg:nuget/Newtonsoft.Json@13.0.1',
      licenses: [],
      location: 'app/TestLibrary.deps.json',
    })
  })

  it('reports a self-contained app’s runtime pack under the NuGet id advisories use', async () => {
    // The shape `dotnet publish --self-contained` writes (trimmed to one runtime file):
    // the pack's key carries a `runtimepack.` prefix and the RID-specific target is the runtime one.
    const deps = {
      runtimeTarget: { name: '.NETCoreApp,Version=v9.0/osx-arm64', signature: '' },
      compilationOptions: {},
      targets: {
        '.NETCoreApp,Version=v9.0': {},
        '.NETCoreApp,Version=v9.0/osx-arm64': {
          'selfcontained/1.0.0': {
            dependencies: {
              YamlDotNet: '16.3.0',
              'runtimepack.Microsoft.NETCore.App.Runtime.osx-arm64': '9.0.1',
            },
            runtime: { 'selfcontained.dll': {} },
          },
          'runtimepack.Microsoft.NETCore.App.Runtime.osx-arm64/9.0.1': {
            runtime: {
              'System.Private.CoreLib.dll': { assemblyVersion: '9.0.0.0', fileVersion: '9.0.124.61010' },
            },
            native: { 'libcoreclr.dylib': { fileVersion: '0.0.0.0' } },
          },
          'YamlDotNet/16.3.0': {
            runtime: {
              'lib/net8.0/YamlDotNet.dll': { assemblyVersion: '16.0.0.0', fileVersion: '16.3.0.0' },
            },
          },
        },
      },
      libraries: {
        'selfcontained/1.0.0': { type: 'project', serviceable: false, sha512: '' },
        'runtimepack.Microsoft.NETCore.App.Runtime.osx-arm64/9.0.1': {
          type: 'runtimepack',
          serviceable: false,
          sha512: '',
        },
        'YamlDotNet/16.3.0': {
          type: 'package',
          serviceable: true,
          sha512:
            'sha512-SgMOdxbz8X65z8hraIs6hOEdnkH6hESTAIUa7viEngHOYaH+6q5XJmwr1+yb9vJpNQ19hCQY69xbFsLtXpobQA==',
          path: 'yamldotnet/16.3.0',
          hashPath: 'yamldotnet.16.3.0.nupkg.sha512',
        },
      },
    }
    const out = await analyze('app/selfcontained.deps.json', deps)
    expect(names(out)).toEqual(['Microsoft.NETCore.App.Runtime.osx-arm64@9.0.1', 'YamlDotNet@16.3.0'])
    expect(out.packages?.[0]?.purl).toBe('pkg:nuget/Microsoft.NETCore.App.Runtime.osx-arm64@9.0.1')
  })

  it('skips reference assemblies, and packages that only build (analyzers)', async () => {
    const deps = {
      runtimeTarget: { name: '.NETCoreApp,Version=v8.0', signature: '' },
      targets: {
        '.NETCoreApp,Version=v8.0': {
          'Api/1.0.0': { dependencies: { 'Legacy.Interop': '1.0.0.0' }, runtime: { 'Api.dll': {} } },
          'Legacy.Interop/1.0.0.0': { runtime: { 'Legacy.Interop.dll': {} } },
          'StyleCop.Analyzers/1.1.118': { compile: { 'lib/netstandard2.0/_._': {} } },
        },
      },
      libraries: {
        'Api/1.0.0': { type: 'project', serviceable: false, sha512: '' },
        'Legacy.Interop/1.0.0.0': { type: 'reference', serviceable: false, sha512: '' },
        'StyleCop.Analyzers/1.1.118': {
          type: 'package',
          serviceable: true,
          sha512: 'sha512-x',
          path: 'stylecop.analyzers/1.1.118',
        },
      },
    }
    expect(await analyze('app/Api.deps.json', deps)).toEqual({})
  })

  it('keeps a metapackage whose dependencies ship assemblies, and survives a dependency cycle', async () => {
    // The net6.0 webapi template's Swashbuckle.AspNetCore: no assets of its own.
    const target = {
      'Api/1.0.0': {
        dependencies: { 'Swashbuckle.AspNetCore': '6.2.3', 'Loop.A': '1.0.0' },
        runtime: { 'Api.dll': {} },
      },
      'Microsoft.Extensions.ApiDescription.Server/3.0.0': {},
      'Swashbuckle.AspNetCore/6.2.3': {
        dependencies: {
          'Microsoft.Extensions.ApiDescription.Server': '3.0.0',
          'Swashbuckle.AspNetCore.Swagger': '6.2.3',
        },
      },
      'Swashbuckle.AspNetCore.Swagger/6.2.3': {
        runtime: {
          'lib/net6.0/Swashbuckle.AspNetCore.Swagger.dll': {
            assemblyVersion: '6.2.3.0',
            fileVersion: '6.2.3.0',
          },
        },
      },
      'Loop.A/1.0.0': { dependencies: { 'Loop.B': '1.0.0' } },
      'Loop.B/1.0.0': { dependencies: { 'Loop.A': '1.0.0' } },
    }
    const libraries = Object.fromEntries(
      Object.keys(target).map((k) => [k, { type: k === 'Api/1.0.0' ? 'project' : 'package' }]),
    )
    const out = await analyze('app/Api.deps.json', {
      runtimeTarget: { name: '.NETCoreApp,Version=v6.0' },
      targets: { '.NETCoreApp,Version=v6.0': target },
      libraries,
    })
    expect(names(out)).toEqual(['Swashbuckle.AspNetCore.Swagger@6.2.3', 'Swashbuckle.AspNetCore@6.2.3'])
  })

  it('reports every package library when there is no runtime target to narrow them', async () => {
    const libraries = {
      'Api/1.0.0': { type: 'project' },
      'Newtonsoft.Json/12.0.3': { type: 'package' },
      'System.Text.Encodings.Web/4.5.0': { type: 'Package' },
    }
    expect(names(await analyze('app/Api.deps.json', { targets: {}, libraries }))).toEqual([
      'Newtonsoft.Json@12.0.3',
      'System.Text.Encodings.Web@4.5.0',
    ])
    // A runtimeTarget naming a target that is not there is treated the same way.
    expect(
      names(
        await analyze('app/Api.deps.json', {
          runtimeTarget: { name: '.NETCoreApp,Version=v6.0' },
          targets: {},
          libraries,
        }),
      ),
    ).toHaveLength(2)
  })

  it('reports nothing for a deps.json of projects only, or with empty libraries', async () => {
    const projectOnly = {
      runtimeTarget: { name: '.NETCoreApp,Version=v6.0' },
      targets: { '.NETCoreApp,Version=v6.0': { 'Hello/1.0.0': { runtime: { 'Hello.dll': {} } } } },
      libraries: { 'Hello/1.0.0': { type: 'project', serviceable: false, sha512: '' } },
    }
    expect(await analyze('app/Hello.deps.json', projectOnly)).toEqual({})
    expect(
      await analyze('app/Hello.deps.json', {
        runtimeTarget: { name: '.NETCoreApp,Version=v6.0' },
        targets: {},
        libraries: {},
      }),
    ).toEqual({})
    expect(
      await analyze('app/Hello.deps.json', { runtimeTarget: { name: '.NETCoreApp,Version=v6.0' } }),
    ).toEqual({})
  })

  it('notes malformed files instead of throwing', async () => {
    const bad = await analyze(
      'app/Api.deps.json',
      '{"runtimeTarget": {"name": ".NETCoreApp,Version=v6.0"}, "libraries": {',
    )
    expect(bad.packages).toBeUndefined()
    expect(bad.notes?.[0]).toMatchObject({
      level: 'warning',
      code: 'unparsable-package-metadata',
      path: 'app/Api.deps.json',
    })
    expect(bad.notes?.[0]?.message).toMatch(/not valid JSON/)
    expect((await analyze('app/Api.deps.json', '[1, 2]')).notes?.[0]?.message).toBe(
      'deps.json is not a JSON object',
    )
    expect(
      (await analyze('app/Api.deps.json', { libraries: ['Newtonsoft.Json/12.0.3'] })).notes?.[0]?.message,
    ).toBe('deps.json "libraries" is not an object')
    // Keys without a version and entries that are not objects are skipped, the rest kept.
    const odd = {
      libraries: {
        'Newtonsoft.Json': { type: 'package' },
        'Serilog/': { type: 'package' },
        'Polly/7.2.4': 'package',
        'Dapper/2.1.35': { type: 'package' },
      },
    }
    expect(names(await analyze('app/Api.deps.json', odd))).toEqual(['Dapper@2.1.35'])
  })

  it('reads past a byte order mark', async () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), fixture('TestLibrary.deps.json')])
    expect(await analyze('app/TestLibrary.deps.json', withBom)).toEqual(
      await analyze('app/TestLibrary.deps.json', fixture('TestLibrary.deps.json')),
    )
  })

  it('wants deps.json files within the size limit only', () => {
    expect(dotnetAnalyzer.wants('app/DotnetApi.deps.json', 20_000, 0o644)).toBe(true)
    expect(
      dotnetAnalyzer.wants(
        'usr/share/dotnet/shared/Microsoft.NETCore.App/6.0.25/Microsoft.NETCore.App.deps.json',
        30_000,
        0o644,
      ),
    ).toBe(true)
    expect(dotnetAnalyzer.wants('app/DotnetApi.runtimeconfig.json', 300, 0o644)).toBe(false)
    expect(dotnetAnalyzer.wants('app/deps.json.bak', 300, 0o644)).toBe(false)
    expect(dotnetAnalyzer.wants('app/DotnetApi.deps.json', 64 * 1024 * 1024, 0o644)).toBe(false)
  })
})

describe('splitLibraryKey', () => {
  it.each([
    ['Newtonsoft.Json/13.0.1', { name: 'Newtonsoft.Json', version: '13.0.1' }],
    [
      'runtimepack.Microsoft.NETCore.App.Runtime.linux-x64/6.0.25',
      { name: 'runtimepack.Microsoft.NETCore.App.Runtime.linux-x64', version: '6.0.25' },
    ],
    ['Foo/1.0.0-beta.1+build', { name: 'Foo', version: '1.0.0-beta.1+build' }],
    ['Newtonsoft.Json', undefined],
    ['/13.0.1', undefined],
    ['Newtonsoft.Json/', undefined],
  ])('%s', (key, expected) => {
    expect(splitLibraryKey(key)).toEqual(expected)
  })
})
