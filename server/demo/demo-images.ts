import fs from 'node:fs/promises'
import path from 'node:path'
import { writeDockerArchive } from './docker-archive-writer'
import { buildLayer, type BuiltImage, type BuiltIndex, type Platform, writeOciLayout } from './image-writer'
import { alpineBaseNotes, alpineRootfs, buildAlpineBase } from './images/alpine-base'
import { buildDotnetApi, dotnetApiNotes } from './images/dotnet-api'
import { buildLegacyApi, legacyApiNotes } from './images/legacy-api'
import { buildShopApp, shopAppNotes } from './images/shop-app'
import { buildUbuntuWeb, ubuntuWebNotes } from './images/ubuntu-web'

/**
 * The demo images: the scan material of the "demo" instance and of every test after it.
 * Real formats throughout (gzip'ed tar layers, OCI and Docker schema2 manifests, an OCI
 * index, a classic `docker save` archive, dpkg/apk databases, package.json, METADATA,
 * jars), and deterministic: the same bytes and digests on every run.
 *
 * Each deliberately vulnerable package is inside the affected range of a bundled OSV record:
 * - demo/ubuntu-web (Ubuntu 22.04, amd64 + arm64): glibc 2.35-0ubuntu3.3 (libc6, libc-bin)
 *   → USN-6409-1, UBUNTU-CVE-2023-4911; openssl 3.0.2-0ubuntu1.7 (libssl3, openssl)
 *   → USN-5844-1; curl 7.81.0-1ubuntu1.13 (curl, libcurl4) → USN-6429-1, UBUNTU-CVE-2023-38545.
 * - demo/legacy-api (Ubuntu 20.04): bash 5.0-6ubuntu1.1 → USN-5380-1; curl 7.68.0-1ubuntu2.18
 *   → USN-6429-1, UBUNTU-CVE-2023-38545; openssl 1.1.1f-1ubuntu2.16 (libssl1.1) → USN-5844-1.
 * - demo/alpine-base (Alpine 3.18): musl 1.2.4-r2 → ALPINE-CVE-2025-26519.
 * - demo/shop-app (on the same Alpine layer): musl as above; npm express 4.17.1 → GHSA-rv95-896h-c2vc,
 *   qs 6.7.0 → GHSA-hrpp-h998-j3pp, lodash 4.17.20 → GHSA-29mw-wpgm-hmr9, axios 0.21.0
 *   → GHSA-4w2v-q235-vp99, jsonwebtoken 8.5.1 → GHSA-8cf7-32gw-wr33, GHSA-hjrf-2m68-5959;
 *   minimist 1.2.5 (GHSA-xvch-5gv4-984h) is deleted by a whiteout and must not be reported;
 *   PyPI Jinja2 2.11.2 → PYSEC-2021-66, GHSA-h5c8-rqwp-cp95; requests 2.19.1 → PYSEC-2018-28,
 *   PYSEC-2023-74; PyYAML 5.3 → PYSEC-2020-96; Django 3.2.4 → PYSEC-2021-109, PYSEC-2022-213,
 *   PYSEC-2023-61; urllib3 1.26.16 → PYSEC-2023-192, PYSEC-2023-212; Maven log4j-core 2.14.1
 *   → GHSA-jfh8-c2jp-5v3q, GHSA-7rjr-3q55-vv33, GHSA-p6xc-xr62-6r2g; jackson-databind 2.13.2
 *   → GHSA-57j2-w4cx-62h2, GHSA-jjjh-jjxp-wpff; spring-beans 5.3.17 (nested in a Spring Boot
 *   jar) → GHSA-36p3-wjmg-h94x.
 * - demo/dotnet-api (an ASP.NET Core net6.0 app on the same Alpine layer): musl as above; NuGet
 *   Newtonsoft.Json 12.0.3 (in app/DotnetApi.deps.json) → GHSA-5crp-9r3c-p9vr;
 *   System.Runtime.CompilerServices.Unsafe 6.0.0 is listed there without runtime assets (the
 *   shared framework's copy is loaded) and must not be reported.
 * Baseline and malicious-file material per image is listed in DEMO.json (see images/*.ts).
 */

export interface DemoImageSummary {
  /** Repository name, e.g. `demo/shop-app`. */
  repository: string
  tag: string
  /** What the tag points to: a manifest, or an index for multi-platform images. */
  digest: string
  mediaType: string
  platforms: string[]
  format: 'oci-layout' | 'docker-archive'
  /** Where it is, relative to the output directory: a layout directory or a `.tar`. */
  path: string
}

const platformName = (p: Platform) => [p.os, p.architecture, p.variant].filter(Boolean).join('/')
const platformsOf = (image: BuiltImage | BuiltIndex) => (image.kind === 'index' ? image.platforms : [image.platform]).map(platformName)

/**
 * Writes the demo images into `outDir`: one OCI layout directory per repository
 * (`ubuntu-web/`, `legacy-api/`, `shop-app/`, `dotnet-api/`), the `alpine-base.tar` docker archive and
 * `DEMO.json`. Only layout directories it wrote before are replaced; anything else there
 * is left alone.
 *
 * @example
 * const images = await buildDemoImages(path.join(dataDir, 'demo-images'))
 * images[0] // { repository: 'demo/ubuntu-web', tag: '22.04', digest: 'sha256:…', … }
 */
export async function buildDemoImages(outDir: string): Promise<DemoImageSummary[]> {
  await fs.mkdir(outDir, { recursive: true })
  const web = buildUbuntuWeb()
  const legacy = buildLegacyApi()
  // One rootfs tar for all three: raw in the docker archive, gzip'ed under shop-app and dotnet-api.
  const rootfs = alpineRootfs()
  const alpine = buildAlpineBase(buildLayer(rootfs, 'none'))
  const alpineGzip = buildLayer(rootfs)
  const shop = buildShopApp(alpineGzip)
  const dotnet = buildDotnetApi(alpineGzip)

  const layouts: { dir: string; repository: string; tags: string[]; image: BuiltImage | BuiltIndex }[] = [
    { dir: 'ubuntu-web', repository: 'demo/ubuntu-web', tags: ['22.04', '1.0'], image: web.index },
    { dir: 'legacy-api', repository: 'demo/legacy-api', tags: ['2.3.1'], image: legacy },
  ]
  const archive = { file: 'alpine-base.tar', repository: 'demo/alpine-base', tags: ['3.18'], image: alpine }
  const shopLayout = { dir: 'shop-app', repository: 'demo/shop-app', tags: ['1.0.0', 'latest'], image: shop }
  const dotnetLayout = { dir: 'dotnet-api', repository: 'demo/dotnet-api', tags: ['1.4.0'], image: dotnet }

  // Check every target before touching any, so a refusal leaves the directory as it was.
  const targets = [...layouts, shopLayout, dotnetLayout].map((l) => path.join(outDir, l.dir))
  for (const target of targets) await assertReplaceable(target)
  await Promise.all(targets.map((target) => fs.rm(target, { recursive: true, force: true })))
  const writes = await Promise.allSettled([
    ...[...layouts, shopLayout, dotnetLayout].map((l) =>
      writeOciLayout(
        path.join(outDir, l.dir),
        l.tags.map((tag) => ({ image: l.image, refName: tag, imageName: `${l.repository}:${tag}` })),
      ),
    ),
    writeDockerArchive(path.join(outDir, archive.file), [{ image: archive.image, repoTags: archive.tags.map((t) => `${archive.repository}:${t}`) }]),
  ])
  const failed = writes.find((w) => w.status === 'rejected')
  if (failed) throw failed.reason

  const summary = (l: { repository: string; tags: string[]; image: BuiltImage | BuiltIndex }, format: DemoImageSummary['format'], where: string) =>
    l.tags.map((tag): DemoImageSummary => ({ repository: l.repository, tag, digest: l.image.manifest.digest, mediaType: l.image.manifest.mediaType, platforms: platformsOf(l.image), format, path: where }))
  const images = [
    ...layouts.flatMap((l) => summary(l, 'oci-layout', l.dir)),
    ...summary(archive, 'docker-archive', archive.file),
    ...summary(shopLayout, 'oci-layout', shopLayout.dir),
    ...summary(dotnetLayout, 'oci-layout', dotnetLayout.dir),
  ]
  const demo = { images, repositories: [ubuntuWebNotes, legacyApiNotes, alpineBaseNotes, shopAppNotes, dotnetApiNotes] }
  await fs.writeFile(path.join(outDir, 'DEMO.json'), JSON.stringify(demo, null, 2) + '\n')
  return images
}

/**
 * Stale blobs of an earlier run would be harmless but untidy, so an earlier layout is
 * replaced whole. A directory that is something else is refused rather than deleted.
 */
async function assertReplaceable(dir: string): Promise<void> {
  const entries = await fs.readdir(dir).catch(() => null)
  if (entries !== null && entries.length > 0 && !entries.includes('oci-layout')) throw new Error(`${dir} exists and is not an OCI image layout; not overwriting it`)
}
