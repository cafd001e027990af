import fs from 'node:fs/promises'
import path from 'node:path'
import { buildImage, buildLayer, writeOciLayout } from '../../server/demo/image-writer'
import type { TarEntry } from '../../server/demo/tar-writer'

/**
 * The UI benchmark's material: an image whose scan has thousands of findings, and the OSV
 * records that make them. Real formats on both sides (an OCI layout with gzip layers and
 * npm package.json files; OSV 1.4 JSON records with CVSS v3 vectors), so the numbers come
 * from the same scan, storage and pages a user gets. Deterministic.
 */
export interface UiFixtureOptions {
  /** npm packages in the image, each installed at 1.0.0. */
  packages: number
  /** Advisories per package, each affecting < 1.0.1: findings = packages × this. */
  advisoriesPerPackage: number
}

export const UI_BENCH_FIXTURE: UiFixtureOptions = { packages: 2_500, advisoriesPerPackage: 2 }

const VECTORS = [
  'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
  'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:H',
  'CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N',
  'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N',
  'CVSS:3.1/AV:A/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N',
]

const pkgName = (i: number) => `bench-ui-${String(i).padStart(5, '0')}`

function osvRecord(pkg: number, n: number) {
  const serial = pkg * 10 + n
  return {
    schema_version: '1.4.0',
    id: `GHSA-benc-h${String(serial).padStart(3, '0').slice(-3)}-${String(serial).padStart(4, '0')}`,
    modified: '2026-01-01T00:00:00Z',
    published: `2025-${String(1 + (serial % 12)).padStart(2, '0')}-15T00:00:00Z`,
    aliases: [`CVE-2099-${String(10_000 + serial)}`],
    summary: `Synthetic flaw ${n + 1} in ${pkgName(pkg)}`,
    details: `A made-up vulnerability for the UI benchmark: ${pkgName(pkg)} before 1.0.${n + 1} mishandles input.`,
    severity: [{ type: 'CVSS_V3', score: VECTORS[serial % VECTORS.length] }],
    affected: [
      {
        package: { ecosystem: 'npm', name: pkgName(pkg) },
        ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: `1.0.${n + 1}` }] }],
      },
    ],
  }
}

/**
 * Writes the image as an OCI layout (`<dir>/images/ui-report`, tag `bench`, repository
 * `bench/ui-report`) and its advisories as OSV files (`<dir>/osv`).
 *
 * @example
 * const f = await writeUiFixture(dir) // { imagesDir, osvDir, findings: 5000 }
 */
export async function writeUiFixture(dir: string, opts: UiFixtureOptions = UI_BENCH_FIXTURE) {
  // A directory instance reads each layout under its path as one repository.
  const imagesDir = path.join(dir, 'images')
  const imageDir = path.join(imagesDir, 'ui-report')
  const osvDir = path.join(dir, 'osv')
  const base: TarEntry[] = [
    { path: 'etc/', type: 'dir' },
    { path: 'etc/os-release', content: 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.18.4\nPRETTY_NAME="Alpine Linux v3.18"\n' },
  ]
  const app: TarEntry[] = []
  for (let i = 0; i < opts.packages; i++) {
    app.push({ path: `app/node_modules/${pkgName(i)}/package.json`, content: JSON.stringify({ name: pkgName(i), version: '1.0.0', license: 'MIT' }) })
  }
  const layers = [buildLayer(base), buildLayer(app)]
  const image = buildImage({
    layers,
    config: {
      architecture: 'amd64',
      os: 'linux',
      created: '2026-01-01T00:00:00Z',
      config: { Cmd: ['node', 'server.js'], WorkingDir: '/app' },
      history: [
        { created: '2026-01-01T00:00:00Z', created_by: '/bin/sh -c #(nop) ADD file:bench in / ' },
        { created: '2026-01-01T00:00:00Z', created_by: 'RUN /bin/sh -c npm ci # buildkit' },
      ],
    },
  })
  await writeOciLayout(imageDir, [{ image, refName: 'bench', imageName: 'bench/ui-report:bench' }])
  await fs.mkdir(osvDir, { recursive: true })
  for (let i = 0; i < opts.packages; i++) {
    for (let n = 0; n < opts.advisoriesPerPackage; n++) {
      const record = osvRecord(i, n)
      await fs.writeFile(path.join(osvDir, `${record.id}.json`), JSON.stringify(record))
    }
  }
  return { imagesDir, osvDir, findings: opts.packages * opts.advisoriesPerPackage }
}
