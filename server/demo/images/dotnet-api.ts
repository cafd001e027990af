import { buildImage, type BuiltImage, type BuiltLayer, type HistoryEntry } from '../image-writer'
import type { TarEntry } from '../tar-writer'
import { ALPINE_ROOTFS_CREATED } from './alpine-base'
import type { DemoNotes } from './demo-notes'
import { at, file, withParents } from './layer-files'

/**
 * demo/dotnet-api: an ASP.NET Core (net6.0) service published framework-dependent onto the
 * same Alpine base layer as demo/alpine-base. Only the publish manifests are written, the
 * `.deps.json` the scanner reads and the `.runtimeconfig.json` beside it; the assemblies
 * themselves would be PE files, which no analyzer here reads.
 */
export const dotnetApiNotes: DemoNotes = {
  repository: 'demo/dotnet-api',
  os: 'alpine 3.18.4',
  vulnerable: [
    { ecosystem: 'Alpine:v3.18', name: 'musl', version: '1.2.4-r2', advisories: ['ALPINE-CVE-2025-26519'] },
    {
      ecosystem: 'NuGet',
      name: 'Newtonsoft.Json',
      version: '12.0.3',
      advisories: ['GHSA-5crp-9r3c-p9vr'],
      path: 'app/DotnetApi.deps.json',
    },
  ],
  removed: [],
  baseline: [],
  malicious: [],
}

const APP = 'DotnetApi'
const APP_VERSION = '1.4.0'
const TFM = '.NETCoreApp,Version=v6.0'

/**
 * A NuGet package as the SDK records it. `runtime` is empty for a package whose assembly
 * loses to the shared framework's newer copy at publish time (conflict resolution): the
 * package is listed, but nothing of it ships, so the scanner must not report it.
 */
interface NuGetPackage {
  name: string
  version: string
  dependencies?: Record<string, string>
  runtime?: Record<string, { assemblyVersion: string; fileVersion: string }>
  /** The nupkg's SHA-512 as NuGet records it (base64). */
  sha512: string
}

// Hashes are those of the packages on the public NuGet feed.
const PACKAGES: NuGetPackage[] = [
  {
    name: 'Newtonsoft.Json',
    version: '12.0.3',
    runtime: {
      'lib/netstandard2.0/Newtonsoft.Json.dll': { assemblyVersion: '12.0.0.0', fileVersion: '12.0.3.23909' },
    },
    sha512: 'aTRmXwR5xYu+mWxE8r8W1DWnL02SeV8LwdQMsLwTWP8OZgrCCyTqvOAe5hRb1VNQYXjln7qr0PKpSyO/pcc19Q==',
  },
  {
    name: 'Serilog',
    version: '2.10.0',
    runtime: { 'lib/netstandard2.1/Serilog.dll': { assemblyVersion: '2.0.0.0', fileVersion: '2.10.0.0' } },
    sha512: '+QX0hmf37a0/OZLxM3wL7V6/ADvC1XihXN4Kq/p6d8lCPfgkRdiuhbWlMaFjR9Av0dy5F0+MBeDmDdRZN/YwQA==',
  },
  {
    name: 'Serilog.Sinks.Console',
    version: '4.0.1',
    dependencies: { Serilog: '2.10.0' },
    runtime: {
      'lib/net5.0/Serilog.Sinks.Console.dll': { assemblyVersion: '4.0.1.0', fileVersion: '4.0.1.0' },
    },
    sha512: 'apLOvSJQLlIbKlbx+Y2UDHSP05kJsV7mou+fvJoRGs/iR+jC22r8cuFVMjjfVxz/AD4B2UCltFhE1naRLXwKNw==',
  },
  // Referenced directly, but net6.0's shared framework carries the same assembly: no runtime asset.
  {
    name: 'System.Runtime.CompilerServices.Unsafe',
    version: '6.0.0',
    sha512: '/iUeP3tq1S0XdNNoMz5C9twLSrM/TH+qElHkXWaPvuNOt+99G75NrV0OS2EqHx5wMN7popYjpc8oTjC1y16DLg==',
  },
]

/** `DotnetApi.deps.json` as `dotnet publish` writes it: key order, two-space indent, project first. */
export function dotnetApiDepsJson(): string {
  const key = (p: NuGetPackage) => `${p.name}/${p.version}`
  const project = {
    dependencies: {
      'Newtonsoft.Json': '12.0.3',
      Serilog: '2.10.0',
      'Serilog.Sinks.Console': '4.0.1',
      'System.Runtime.CompilerServices.Unsafe': '6.0.0',
    },
    runtime: { [`${APP}.dll`]: {} },
  }
  const target: Record<string, object> = { [`${APP}/${APP_VERSION}`]: project }
  const libraries: Record<string, object> = {
    [`${APP}/${APP_VERSION}`]: { type: 'project', serviceable: false, sha512: '' },
  }
  for (const p of PACKAGES) {
    target[key(p)] = {
      ...(p.dependencies ? { dependencies: p.dependencies } : {}),
      ...(p.runtime ? { runtime: p.runtime } : {}),
    }
    const lower = p.name.toLowerCase()
    libraries[key(p)] = {
      type: 'package',
      serviceable: true,
      sha512: `sha512-${p.sha512}`,
      path: `${lower}/${p.version}`,
      hashPath: `${lower}.${p.version}.nupkg.sha512`,
    }
  }
  const deps = {
    runtimeTarget: { name: TFM, signature: '' },
    compilationOptions: {},
    targets: { [TFM]: target },
    libraries,
  }
  return JSON.stringify(deps, null, 2)
}

/** The host reads this to pick the shared frameworks: ASP.NET Core 6.0, which brings Microsoft.NETCore.App. */
function runtimeConfigJson(): string {
  const config = {
    runtimeOptions: {
      tfm: 'net6.0',
      framework: { name: 'Microsoft.AspNetCore.App', version: '6.0.0' },
      configProperties: {
        'System.GC.Server': true,
        'System.Reflection.Metadata.MetadataUpdater.IsSupported': false,
      },
    },
  }
  return JSON.stringify(config, null, 2)
}

export function dotnetPublishLayer(): TarEntry[] {
  return withParents([
    file(`app/${APP}.deps.json`, dotnetApiDepsJson()),
    file(`app/${APP}.runtimeconfig.json`, runtimeConfigJson()),
  ])
}

/** The service's image over the shared Alpine rootfs layer: non-root, with a health check. */
export function buildDotnetApi(alpineRootfs: BuiltLayer): BuiltImage {
  const bk = (minute: number, created_by: string, empty = false): HistoryEntry => ({
    created: at(minute, '2024-01-04'),
    created_by,
    comment: 'buildkit.dockerfile.v0',
    ...(empty ? { empty_layer: true } : {}),
  })
  const healthcheck = 'wget -q --spider http://127.0.0.1:8080/healthz || exit 1'
  return buildImage({
    layers: [alpineRootfs, dotnetPublishLayer()],
    config: {
      architecture: 'amd64',
      os: 'linux',
      created: at(2, '2024-01-04'),
      config: {
        User: '65534',
        Env: [
          'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
          'ASPNETCORE_URLS=http://+:8080',
          'DOTNET_RUNNING_IN_CONTAINER=true',
        ],
        Entrypoint: ['dotnet', `${APP}.dll`],
        WorkingDir: '/app',
        ExposedPorts: { '8080/tcp': {} },
        Healthcheck: {
          Test: ['CMD-SHELL', healthcheck],
          Interval: 30_000_000_000,
          Timeout: 3_000_000_000,
          Retries: 3,
        },
      },
      history: [
        {
          created: ALPINE_ROOTFS_CREATED,
          created_by: `/bin/sh -c #(nop) ADD file:${alpineRootfs.diffId.slice('sha256:'.length)} in / `,
        },
        {
          created: ALPINE_ROOTFS_CREATED,
          created_by: '/bin/sh -c #(nop)  CMD ["/bin/sh"]',
          empty_layer: true,
        },
        bk(0, 'WORKDIR /app', true),
        bk(0, 'ENV ASPNETCORE_URLS=http://+:8080 DOTNET_RUNNING_IN_CONTAINER=true', true),
        bk(1, 'COPY /app/publish . # buildkit'),
        bk(2, 'USER 65534', true),
        bk(2, 'EXPOSE map[8080/tcp:{}]', true),
        bk(2, `HEALTHCHECK &{["CMD-SHELL" "${healthcheck}"] "30s" "3s" "0s" "0s" '\\x03'}`, true),
        bk(2, `ENTRYPOINT ["dotnet" "${APP}.dll"]`, true),
      ],
    },
  })
}
