import { zipSync } from 'fflate'
import { buildImage, buildLayer, writeOciLayout, type BuiltLayer } from '../../server/demo/image-writer'
import type { TarEntry } from '../../server/demo/tar-writer'

/**
 * A large, realistic-looking image for the scan benchmark: several gzip layers, tens of
 * thousands of files (text that compresses like source code, and incompressible
 * "binaries"), and a thousand packages spread over dpkg, npm, PyPI and Maven, so every
 * analyzer does real work. Deterministic: the same options give the same bytes.
 */
export interface SyntheticImageOptions {
  /** Uncompressed bytes across all layers (approximate, from below). */
  totalBytes: number
  files: number
  packages: { dpkg: number; npm: number; pypi: number; maven: number }
  layers: number
}

export const BENCH_IMAGE: SyntheticImageOptions = {
  totalBytes: 220 * 1024 * 1024,
  files: 20_000,
  packages: { dpkg: 550, npm: 300, pypi: 120, maven: 30 },
  layers: 6,
}

/** mulberry32: a tiny seeded PRNG, enough for reproducible filler. */
function prng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const WORDS =
  'const let function return import export from if else for while await async class extends new this null undefined true false string number object array map filter reduce value key index length error result config options module package version require include static public private void int char struct'.split(
    ' ',
  )

function textBytes(rand: () => number, size: number): Buffer {
  const parts: string[] = []
  let n = 0
  while (n < size) {
    const w = WORDS[Math.floor(rand() * WORDS.length)] ?? 'x'
    const sep = rand() < 0.12 ? '\n' : ' '
    parts.push(w, sep)
    n += w.length + 1
  }
  return Buffer.from(parts.join('')).subarray(0, size)
}

function binaryBytes(rand: () => number, size: number): Buffer {
  const buf = Buffer.allocUnsafe(size)
  for (let i = 0; i < size; i++) buf[i] = Math.floor(rand() * 256)
  return buf
}

function dpkgStatus(count: number): string {
  const out: string[] = []
  for (let i = 0; i < count; i++) {
    out.push(
      [
        `Package: libbench${i}`,
        'Status: install ok installed',
        'Priority: optional',
        'Section: libs',
        `Installed-Size: ${100 + i}`,
        'Maintainer: Bench Maintainers <bench@example.invalid>',
        'Architecture: amd64',
        `Source: bench-src${Math.floor(i / 3)}`,
        `Version: 1.${i % 17}.${i % 5}-${1 + (i % 3)}ubuntu0.22.04.1`,
        'Description: synthetic package for the scan benchmark',
        '',
      ].join('\n'),
    )
  }
  // Real packages with published advisories, so matching has hits to produce.
  out.push(['Package: libssl3', 'Status: install ok installed', 'Architecture: amd64', 'Source: openssl', 'Version: 3.0.2-0ubuntu1.7', 'Description: Secure Sockets Layer toolkit', ''].join('\n'))
  return out.join('\n')
}

/** Spreads `total` files of mixed kinds over `layers` layers, with packages in their usual places. */
export function syntheticLayers(opts: SyntheticImageOptions): BuiltLayer[] {
  const rand = prng(20261130)
  const perLayer: TarEntry[][] = Array.from({ length: opts.layers }, () => [])
  const { dpkg, npm, pypi, maven } = opts.packages

  const first = perLayer[0] ?? []
  first.push({ path: 'etc/', type: 'dir' })
  first.push({ path: 'usr/lib/os-release', content: 'NAME="Ubuntu"\nVERSION_ID="22.04"\nID=ubuntu\nVERSION_CODENAME=jammy\nPRETTY_NAME="Ubuntu 22.04.3 LTS"\n' })
  first.push({ path: 'etc/os-release', type: 'symlink', linkname: '../usr/lib/os-release' })
  first.push({ path: 'var/lib/dpkg/status', content: dpkgStatus(dpkg - 1) })

  const npmLayer = perLayer[Math.min(2, opts.layers - 1)] ?? first
  for (let i = 0; i < npm; i++) {
    npmLayer.push({
      path: `app/node_modules/bench-npm-${i}/package.json`,
      content: JSON.stringify({ name: `bench-npm-${i}`, version: `2.${i % 9}.${i % 4}`, license: 'MIT', main: 'index.js' }, null, 2),
    })
  }
  const pyLayer = perLayer[Math.min(3, opts.layers - 1)] ?? first
  for (let i = 0; i < pypi; i++) {
    pyLayer.push({
      path: `usr/lib/python3/dist-packages/bench_py_${i}-0.${i}.0.dist-info/METADATA`,
      content: `Metadata-Version: 2.1\nName: bench-py-${i}\nVersion: 0.${i}.0\nLicense: BSD-3-Clause\n\nSynthetic.\n`,
    })
  }
  const jarLayer = perLayer[Math.min(4, opts.layers - 1)] ?? first
  for (let i = 0; i < maven; i++) {
    const pom = `groupId=org.bench\nartifactId=bench-jar-${i}\nversion=1.${i}.0\n`
    const jar = zipSync({
      'META-INF/MANIFEST.MF': Buffer.from(`Manifest-Version: 1.0\nImplementation-Title: bench-jar-${i}\nImplementation-Version: 1.${i}.0\n`),
      [`META-INF/maven/org.bench/bench-jar-${i}/pom.properties`]: Buffer.from(pom),
      'org/bench/Main.class': binaryBytes(rand, 4096),
    })
    jarLayer.push({ path: `app/lib/bench-jar-${i}-1.${i}.0.jar`, content: Buffer.from(jar) })
  }

  const packageFiles = perLayer.reduce((n, l) => n + l.length, 0)
  const fillerFiles = Math.max(0, opts.files - packageFiles)
  const fillerBytes = opts.totalBytes
  const avg = Math.floor(fillerBytes / Math.max(1, fillerFiles))
  for (let i = 0; i < fillerFiles; i++) {
    const layer = perLayer[i % opts.layers] ?? first
    // Sizes vary around the mean; a third are binaries (compress poorly), the rest text.
    const size = Math.max(64, Math.floor(avg * (0.2 + rand() * 1.6)))
    const binary = rand() < 0.33
    const dir = `usr/share/bench/d${i % 97}/s${i % 13}`
    layer.push({ path: `${dir}/f${i}${binary ? '.bin' : '.txt'}`, content: binary ? binaryBytes(rand, size) : textBytes(rand, size), mode: 0o644 })
  }
  return perLayer.map((entries) => buildLayer(entries))
}

/** Writes the synthetic image as an OCI layout with the tag `bench`; returns its layers. */
export async function writeSyntheticImage(dir: string, opts: SyntheticImageOptions = BENCH_IMAGE): Promise<BuiltLayer[]> {
  const layers = syntheticLayers(opts)
  const image = buildImage({
    layers,
    config: {
      architecture: 'amd64',
      os: 'linux',
      created: '2026-01-01T00:00:00Z',
      config: { Cmd: ['/bin/sh'] },
      history: layers.map((_, i) => ({ created: '2026-01-01T00:00:00Z', created_by: `bench layer ${i}` })),
    },
  })
  await writeOciLayout(dir, [{ image, refName: 'bench', imageName: 'bench/synthetic:bench' }])
  return layers
}
