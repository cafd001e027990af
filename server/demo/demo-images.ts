import fs from 'node:fs/promises'
import path from 'node:path'
import { alpineBase } from './images/alpine'
import { buildCacheLayer, cleanupLayer, javaLayer, nodeLayer, pythonLayer, riskyFilesLayer } from './images/app'
import { focalPackages, jammyPackages, ubuntuBase } from './images/ubuntu'
import { buildImage, buildIndex, buildLayer, writeDockerArchive, writeOciLayout, type ImageConfigSpec } from './image-writer'

export interface DemoImageSummary {
  repository: string
  tag: string
  /** What the tag points to: a manifest, or an index for multi-platform images. */
  digest: string
  platforms: string[]
  format: 'oci-layout' | 'docker-archive'
}

const T0 = '2024-01-01T00:00:00Z'
const history = (lines: string[], emptyFrom = lines.length): ImageConfigSpec['history'] =>
  lines.map((created_by, i) => ({ created: T0, created_by, ...(i >= emptyFrom ? { empty_layer: true } : {}) }))

/**
 * Writes the demo images: real gzip tar layers, manifests and configs, as OCI layouts
 * (one per repository) and one `docker save` archive. Deterministic: the same bytes,
 * and so the same digests, every time. These images are the scan material of the demo
 * instance and of the tests; see images/*.ts for which advisory each package exercises.
 */
export async function buildDemoImages(outDir: string): Promise<DemoImageSummary[]> {
  await fs.mkdir(outDir, { recursive: true })
  const out: DemoImageSummary[] = []

  // demo/ubuntu-web: Ubuntu 22.04, multi-platform under 22.04, single amd64 manifest under 1.0.
  const webLayer = buildLayer([
    { path: 'etc/ssh/sshd_config', content: 'Port 22\nPermitRootLogin yes\nPasswordAuthentication yes\n' },
    { path: 'root/.ssh/id_rsa', content: '-----BEGIN OPENSSH PRIVATE KEY-----\nZGVtbyBrZXkgbWF0ZXJpYWwsIG5vdCBhIHJlYWwga2V5\n-----END OPENSSH PRIVATE KEY-----\n', mode: 0o600 },
    { path: 'var/cache/apt/archives/curl_7.81.0-1ubuntu1.13_amd64.deb', content: 'cached package\n' },
    { path: 'usr/local/bin/helper', content: '#!/bin/sh\nexec /bin/sh "$@"\n', mode: 0o4755 },
    { path: 'var/www/html/index.html', content: '<h1>It works</h1>\n', mode: 0o666 },
  ])
  const ubuntuImage = (arch: string, variant?: string) =>
    buildImage({
      layers: [buildLayer(ubuntuBase(jammyPackages(), { version: '22.04.3 LTS (Jammy Jellyfish)', id: '22.04', codename: 'jammy', pretty: 'Ubuntu 22.04.3 LTS' }, arch)), webLayer],
      config: {
        architecture: arch,
        ...(variant ? { variant } : {}),
        os: 'linux',
        created: T0,
        config: { Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE'], Cmd: ['/usr/sbin/sshd', '-D'], ExposedPorts: { '80/tcp': {}, '22/tcp': {} } },
        history: history(['/bin/sh -c #(nop) ADD file:jammy-rootfs in /', '/bin/sh -c curl -fsSL https://get.example.com/install.sh | sh', '/bin/sh -c #(nop) EXPOSE 22 80', '/bin/sh -c #(nop) CMD ["/usr/sbin/sshd","-D"]'], 2),
      },
    })
  const amd64 = ubuntuImage('amd64')
  const multi = buildIndex([amd64, ubuntuImage('arm64', 'v8')])
  await writeOciLayout(path.join(outDir, 'ubuntu-web'), [
    { image: multi, imageName: 'demo/ubuntu-web', tag: '22.04' },
    { image: amd64, imageName: 'demo/ubuntu-web', tag: '1.0' },
  ])
  out.push(
    { repository: 'demo/ubuntu-web', tag: '22.04', digest: multi.manifest.digest, platforms: ['linux/amd64', 'linux/arm64/v8'], format: 'oci-layout' },
    { repository: 'demo/ubuntu-web', tag: '1.0', digest: amd64.manifest.digest, platforms: ['linux/amd64'], format: 'oci-layout' },
  )

  // demo/legacy-api: Ubuntu 20.04 as a Docker schema2 image.
  const legacy = buildImage({
    format: 'docker',
    layers: [buildLayer(ubuntuBase(focalPackages(), { version: '20.04.6 LTS (Focal Fossa)', id: '20.04', codename: 'focal', pretty: 'Ubuntu 20.04.6 LTS' }, 'amd64'))],
    config: {
      architecture: 'amd64',
      os: 'linux',
      created: T0,
      config: { Env: ['PATH=/usr/local/bin:/usr/bin:/bin'], User: 'nobody', Cmd: ['/bin/bash'] },
      history: history(['/bin/sh -c #(nop) ADD file:focal-rootfs in /', '/bin/sh -c #(nop) USER nobody'], 1),
    },
  })
  await writeOciLayout(path.join(outDir, 'legacy-api'), [{ image: legacy, imageName: 'demo/legacy-api', tag: '2.3.1' }])
  out.push({ repository: 'demo/legacy-api', tag: '2.3.1', digest: legacy.manifest.digest, platforms: ['linux/amd64'], format: 'oci-layout' })

  // demo/alpine-base (docker save archive) and demo/shop-app on the same base layer.
  const alpineLayer = buildLayer(alpineBase())
  const alpine = buildImage({
    format: 'docker',
    layers: [alpineLayer],
    config: {
      architecture: 'amd64',
      os: 'linux',
      created: T0,
      config: { Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], User: '65534', Cmd: ['/bin/sh'], Healthcheck: { Test: ['CMD', '/bin/true'], Interval: 30_000_000_000 } },
      history: history(['/bin/sh -c #(nop) ADD file:alpine-minirootfs in /', '/bin/sh -c #(nop) USER 65534', '/bin/sh -c #(nop) HEALTHCHECK CMD /bin/true'], 1),
    },
  })
  await writeDockerArchive(path.join(outDir, 'alpine-base.tar'), [{ image: alpine, repoTags: ['demo/alpine-base:3.18'] }])
  out.push({ repository: 'demo/alpine-base', tag: '3.18', digest: alpine.manifest.digest, platforms: ['linux/amd64'], format: 'docker-archive' })

  const shop = buildImage({
    layers: [alpineLayer, buildLayer(nodeLayer()), buildLayer(pythonLayer()), buildLayer(javaLayer()), buildLayer(buildCacheLayer()), buildLayer(riskyFilesLayer()), buildLayer(cleanupLayer())],
    config: {
      architecture: 'amd64',
      os: 'linux',
      created: T0,
      config: { Env: ['PATH=/usr/local/bin:/usr/bin:/bin', 'NODE_ENV=production', 'GITHUB_TOKEN=ghp_exampleexampleexampleexample0000'], WorkingDir: '/app', Cmd: ['node', 'server.js'], ExposedPorts: { '3000/tcp': {} } },
      history: history([
        '/bin/sh -c #(nop) ADD file:alpine-minirootfs in /',
        'RUN npm ci --omit=dev',
        'RUN pip install -r requirements.txt',
        'COPY target/shop.jar lib/ /app/',
        'RUN npm run build',
        'ADD https://downloads.example.com/tools.tar.gz /tmp/',
        'RUN rm -rf node_modules/minimist tmp/*',
      ]),
    },
  })
  await writeOciLayout(path.join(outDir, 'shop-app'), [
    { image: shop, imageName: 'demo/shop-app', tag: '1.0.0' },
    { image: shop, imageName: 'demo/shop-app', tag: 'latest' },
  ])
  out.push(
    { repository: 'demo/shop-app', tag: '1.0.0', digest: shop.manifest.digest, platforms: ['linux/amd64'], format: 'oci-layout' },
    { repository: 'demo/shop-app', tag: 'latest', digest: shop.manifest.digest, platforms: ['linux/amd64'], format: 'oci-layout' },
  )

  await fs.writeFile(path.join(outDir, 'DEMO.json'), JSON.stringify(out, null, 2) + '\n')
  return out
}
