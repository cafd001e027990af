import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildDemoImages } from '../../../demo/demo-images'
import { alpineBaseNotes } from '../../../demo/images/alpine-base'
import { alpineBasePackages } from '../../../demo/images/alpine-packages'
import type { DemoNotes } from '../../../demo/images/demo-notes'
import { dotnetApiNotes } from '../../../demo/images/dotnet-api'
import { legacyApiNotes } from '../../../demo/images/legacy-api'
import { shopAppNotes } from '../../../demo/images/shop-app'
import { FOCAL, focalBasePackages, focalCurlPackages } from '../../../demo/images/ubuntu-focal'
import { JAMMY, jammyPackages } from '../../../demo/images/ubuntu-jammy'
import { baseFilesPackage } from '../../../demo/images/ubuntu-rootfs'
import { ubuntuWebNotes } from '../../../demo/images/ubuntu-web'
import type { PackageRecord } from '../analyzer'
import { defaultAnalyzers } from './index'
import { normalizePypiName } from './pypi'
import { analyzeLayer, dockerArchiveLayers, type LayerFindings, ociLayers } from './testing/demo-layers'

let root: string
const layers: Record<string, LayerFindings[]> = {}

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'analyzers-demo-'))
  await buildDemoImages(root)
  const analyze = async (tars: Buffer[]) => Promise.all(tars.map((t) => analyzeLayer(t, defaultAnalyzers())))
  layers.ubuntuWeb = await analyze(await ociLayers(path.join(root, 'ubuntu-web'), '22.04'))
  layers.ubuntuWebArm = await analyze(await ociLayers(path.join(root, 'ubuntu-web'), '22.04', 1))
  layers.legacyApi = await analyze(await ociLayers(path.join(root, 'legacy-api'), '2.3.1'))
  layers.alpineBase = await analyze(await dockerArchiveLayers(path.join(root, 'alpine-base.tar')))
  layers.shopApp = await analyze(await ociLayers(path.join(root, 'shop-app'), '1.0.0'))
  layers.dotnetApi = await analyze(await ociLayers(path.join(root, 'dotnet-api'), '1.4.0'))
}, 60_000)
afterAll(() => fs.rm(root, { recursive: true, force: true }))

const of = (image: string) => layers[image] ?? []
const ids = (pkgs: PackageRecord[]) => pkgs.map((p) => `${p.name}@${p.version}`).sort()
const declared = (pkgs: { name: string; version: string }[]) => pkgs.map((p) => `${p.name}@${p.version}`).sort()
const allNotes = (image: string) => of(image).flatMap((l) => l.notes)

/** Every planted package of DEMO.json is found, under the name its OSV ecosystem uses. */
function expectPlanted(notes: DemoNotes, pkgs: PackageRecord[]): void {
  for (const planted of notes.vulnerable) {
    const found = pkgs.find((p) => {
      if (p.format === 'dpkg') return p.sourceName === planted.name && p.sourceVersion === planted.version
      if (p.format === 'apk') return p.sourceName === planted.name && p.version === planted.version
      if (p.format === 'pypi') return normalizePypiName(p.name) === planted.name && p.version === planted.version
      if (p.format === 'maven') return `${p.group}:${p.name}` === planted.name && p.version === planted.version
      return p.name === planted.name && p.version === planted.version
    })
    expect(found, `${planted.ecosystem} ${planted.name} ${planted.version}`).toBeDefined()
    if (planted.path && found) expect(found.location.replace(/!\//g, '/').startsWith(planted.path), found.location).toBe(true)
  }
}

describe('analyzers over demo/ubuntu-web', () => {
  const base = () => [baseFilesPackage(JAMMY, '12ubuntu4.4'), ...jammyPackages('amd64')]
  const openssh = ['openssh-client', 'openssh-server', 'openssh-sftp-server'].map((name) => ({ name, version: '1:8.9p1-3ubuntu0.4' }))

  it('finds Ubuntu 22.04 LTS in usr/lib/os-release (etc/os-release is a symlink to it)', () => {
    expect(of('ubuntuWeb')[0]?.os).toEqual([{ path: 'usr/lib/os-release', os: { id: 'ubuntu', versionId: '22.04', prettyName: 'Ubuntu 22.04.3 LTS', versionCodename: 'jammy', ecosystem: 'Ubuntu:22.04:LTS' } }])
  })

  it('reads exactly the declared dpkg packages of each layer, nginx from its distroless status.d stanza', () => {
    const [rootfs, nginx, sshd, key, helper] = of('ubuntuWeb')
    expect(ids(rootfs?.packages ?? [])).toEqual(declared(base()))
    expect(nginx?.packages).toEqual([
      { name: 'nginx-core', version: '1.18.0-6ubuntu14.4', format: 'dpkg', source: 'OS', sourceName: 'nginx', sourceVersion: '1.18.0-6ubuntu14.4', purl: 'pkg:deb/ubuntu/nginx-core@1.18.0-6ubuntu14.4?arch=amd64&upstream=nginx', licenses: [], location: 'var/lib/dpkg/status.d/nginx-core' },
    ])
    expect(ids(sshd?.packages ?? [])).toEqual(declared([...base(), ...openssh]))
    expect([key?.packages, helper?.packages]).toEqual([[], []])
    expect(allNotes('ubuntuWeb')).toEqual([])
  })

  it('keeps openssl, glibc and curl as the source packages of the vulnerable binaries', () => {
    const pkgs = of('ubuntuWeb')[0]?.packages ?? []
    expect(pkgs.find((p) => p.name === 'libssl3')).toMatchObject({ version: '3.0.2-0ubuntu1.7', sourceName: 'openssl', purl: 'pkg:deb/ubuntu/libssl3@3.0.2-0ubuntu1.7?arch=amd64&upstream=openssl' })
    expectPlanted(ubuntuWebNotes, pkgs)
    expect(of('ubuntuWebArm')[0]?.packages.find((p) => p.name === 'libc6')?.purl).toBe('pkg:deb/ubuntu/libc6@2.35-0ubuntu3.3?arch=arm64&upstream=glibc')
  })
})

describe('analyzers over demo/legacy-api', () => {
  it('finds Ubuntu 20.04 LTS, the base packages, then curl and openssl added in layer 1', () => {
    const [rootfs, apt, ...rest] = of('legacyApi')
    const base = [baseFilesPackage(FOCAL, '11ubuntu5.8'), ...focalBasePackages()]
    expect(rootfs?.os.map((o) => o.os.ecosystem)).toEqual(['Ubuntu:20.04:LTS'])
    expect(ids(rootfs?.packages ?? [])).toEqual(declared(base))
    expect(ids(apt?.packages ?? [])).toEqual(declared([...base, ...focalCurlPackages()]))
    expect(rest.flatMap((l) => l.packages)).toEqual([])
    expect(apt?.packages.find((p) => p.name === 'bsdutils')).toMatchObject({ version: '1:2.34-0.1ubuntu9.4', sourceName: 'util-linux', sourceVersion: '2.34-0.1ubuntu9.4' })
    expectPlanted(legacyApiNotes, apt?.packages ?? [])
    expect(allNotes('legacyApi')).toEqual([])
  })
})

describe('analyzers over demo/alpine-base', () => {
  it('finds Alpine 3.18 in os-release and alpine-release, and the minirootfs apk packages', () => {
    const [rootfs] = of('alpineBase')
    expect(rootfs?.os.map((o) => [o.path, o.os.ecosystem])).toEqual([
      ['etc/os-release', 'Alpine:v3.18'],
      ['etc/alpine-release', 'Alpine:v3.18'],
    ])
    expect(ids(rootfs?.packages ?? [])).toEqual(declared(alpineBasePackages()))
    expect(rootfs?.packages.find((p) => p.name === 'musl')).toEqual({ name: 'musl', version: '1.2.4-r2', format: 'apk', source: 'OS', sourceName: 'musl', sourceVersion: '1.2.4-r2', purl: 'pkg:apk/alpine/musl@1.2.4-r2?arch=x86_64', licenses: ['MIT'], location: 'lib/apk/db/installed' })
    expect(rootfs?.packages.find((p) => p.name === 'libssl3')).toMatchObject({ sourceName: 'openssl', purl: 'pkg:apk/alpine/libssl3@3.1.3-r0?arch=x86_64&upstream=openssl' })
    expectPlanted(alpineBaseNotes, rootfs?.packages ?? [])
    expect(allNotes('alpineBase')).toEqual([])
  })
})

describe('analyzers over demo/shop-app', () => {
  const layer = (i: number) => of('shopApp')[i]?.packages ?? []

  it('reads the same Alpine base layer, then the runtimes apk added', () => {
    expect(ids(layer(0))).toEqual(declared(alpineBasePackages()))
    const added = ids(layer(1)).filter((id) => !declared(alpineBasePackages()).includes(id))
    expect(added).toEqual(['ca-certificates@20230506-r0', 'libgcc@12.2.1_git20220924-r10', 'libstdc++@12.2.1_git20220924-r10', 'nodejs@18.18.2-r0', 'openjdk17-jre-headless@17.0.9_p8-r0', 'python3@3.11.6-r0'])
  })

  it('reads every installed npm package, nested copies included, and not the app’s own package.json', () => {
    expect(layer(2)).toEqual([])
    expect(layer(3).map((p) => `${p.name}@${p.version} ${p.location}`).sort()).toEqual(
      [
        'axios@0.21.0 app/node_modules/axios/package.json',
        'body-parser@1.19.0 app/node_modules/body-parser/package.json',
        'cookie@0.4.0 app/node_modules/cookie/package.json',
        'debug@2.6.9 app/node_modules/debug/package.json',
        'express@4.17.1 app/node_modules/express/package.json',
        'follow-redirects@1.13.0 app/node_modules/follow-redirects/package.json',
        'jsonwebtoken@8.5.1 app/node_modules/jsonwebtoken/package.json',
        'jws@3.2.2 app/node_modules/jws/package.json',
        'lodash@4.17.20 app/node_modules/lodash/package.json',
        // Deleted by the last layer's whiteout: dropping it is the merge's job, not an analyzer's.
        'minimist@1.2.5 app/node_modules/minimist/package.json',
        'ms@2.0.0 app/node_modules/ms/package.json',
        'ms@2.1.1 app/node_modules/send/node_modules/ms/package.json',
        'ms@2.1.3 app/node_modules/jsonwebtoken/node_modules/ms/package.json',
        'qs@6.7.0 app/node_modules/qs/package.json',
        'safe-buffer@5.1.2 app/node_modules/safe-buffer/package.json',
        'semver@5.7.1 app/node_modules/semver/package.json',
        'send@0.17.1 app/node_modules/send/package.json',
      ].sort(),
    )
    expect(layer(3).find((p) => p.name === 'qs')).toMatchObject({ format: 'npm', source: 'NODEJS', purl: 'pkg:npm/qs@6.7.0', licenses: ['BSD-3-Clause'] })
  })

  it('reads the wheels and the egg-info, PEP 503 names in the purls', () => {
    expect(layer(4).map((p) => p.purl).sort()).toEqual(
      ['asgiref@3.4.1', 'certifi@2021.5.30', 'chardet@3.0.4', 'django@3.2.4', 'idna@2.7', 'jinja2@2.11.2', 'markupsafe@1.1.1', 'pytz@2021.1', 'pyyaml@5.3', 'requests@2.19.1', 'sqlparse@0.4.1', 'urllib3@1.26.16'].map((p) => `pkg:pypi/${p}`),
    )
    expect(layer(4).find((p) => p.name === 'PyYAML')).toMatchObject({ version: '5.3', licenses: ['MIT'], location: 'usr/lib/python3.11/site-packages/PyYAML-5.3.dist-info/METADATA' })
    expect(layer(4).find((p) => p.name === 'MarkupSafe')?.location).toBe('usr/lib/python3.11/site-packages/MarkupSafe-1.1.1-py3.11.egg-info/PKG-INFO')
  })

  it('reads the jars, including spring-beans and tomcat nested in the Spring Boot jar', () => {
    expect(layer(5).map((p) => `${p.purl} ${p.location}`)).toEqual([
      'pkg:maven/com.example/shop@1.0.0 app/shop.jar',
      'pkg:maven/org.springframework/spring-beans@5.3.17 app/shop.jar!/BOOT-INF/lib/spring-beans-5.3.17.jar',
      'pkg:maven/tomcat-embed-core@9.0.60 app/shop.jar!/BOOT-INF/lib/tomcat-embed-core-9.0.60.jar',
      'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1 app/lib/log4j-core-2.14.1.jar',
      'pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.13.2 app/lib/jackson-databind-2.13.2.jar',
    ])
  })

  it('finds every planted package, adds nothing in the later layers, and notes nothing', () => {
    expectPlanted(shopAppNotes, of('shopApp').flatMap((l) => l.packages))
    expect(of('shopApp').slice(6).flatMap((l) => l.packages)).toEqual([])
    expect(allNotes('shopApp')).toEqual([])
  })
})

describe('analyzers over demo/dotnet-api', () => {
  it('reads the NuGet packages the app loads from its deps.json, not the in-box one, and notes nothing', () => {
    const [rootfs, publish] = of('dotnetApi')
    expect(ids(rootfs?.packages ?? [])).toEqual(declared(alpineBasePackages()))
    // System.Runtime.CompilerServices.Unsafe 6.0.0 is listed without runtime assets: net6.0 ships its own.
    expect(publish?.packages.map((p) => `${p.purl} ${p.location}`).sort()).toEqual(
      ['pkg:nuget/Newtonsoft.Json@12.0.3', 'pkg:nuget/Serilog.Sinks.Console@4.0.1', 'pkg:nuget/Serilog@2.10.0'].map((p) => `${p} app/DotnetApi.deps.json`),
    )
    expect(publish?.packages.find((p) => p.name === 'Newtonsoft.Json')).toMatchObject({ version: '12.0.3', format: 'nuget', source: 'DOTNET' })
    expectPlanted(dotnetApiNotes, of('dotnetApi').flatMap((l) => l.packages))
    expect(allNotes('dotnetApi')).toEqual([])
  })
})
