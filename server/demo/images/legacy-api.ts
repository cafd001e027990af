import { buildImage, buildLayer, type BuiltImage, type HistoryEntry } from '../image-writer'
import type { DemoNotes } from './demo-notes'
import { dpkgInfoAndFiles, dpkgStatus } from './dpkg'
import { at, dir, file, withParents } from './layer-files'
import { FOCAL, focalBasePackages, focalCurlPackages } from './ubuntu-focal'
import { baseFilesPackage, etcPasswd, etcShadow, ubuntuRootfs } from './ubuntu-rootfs'

/**
 * demo/legacy-api: an old service on Ubuntu 20.04, stored with Docker schema2 media types.
 * Its USER is `ops`, an account added with UID 0 and an MD5-crypt password: root in all
 * but name, which a check on the USER string alone does not see.
 */
export const legacyApiNotes: DemoNotes = {
  repository: 'demo/legacy-api',
  os: 'ubuntu 20.04',
  vulnerable: [
    { ecosystem: 'Ubuntu:20.04:LTS', name: 'bash', version: '5.0-6ubuntu1.1', advisories: ['USN-5380-1'] },
    { ecosystem: 'Ubuntu:20.04:LTS', name: 'curl', version: '7.68.0-1ubuntu2.18', advisories: ['USN-6429-1', 'UBUNTU-CVE-2023-38545'] },
    { ecosystem: 'Ubuntu:20.04:LTS', name: 'openssl', version: '1.1.1f-1ubuntu2.16', advisories: ['USN-5844-1'] },
  ],
  removed: [],
  baseline: [
    "config: USER ops, and /etc/passwd gives ops UID 0 (a second root account)",
    '/etc/shadow: ops has an MD5-crypt ($1$) password hash',
    '/srv/api/config.yml: database password in a config file',
  ],
  malicious: [],
}

const CREATED_BASE = '2023-10-03T21:44:52Z'

export function buildLegacyApi(): BuiltImage {
  const base = [baseFilesPackage(FOCAL, '11ubuntu5.8'), ...focalBasePackages()].sort((a, b) => a.name.localeCompare(b.name))
  const curl = focalCurlPackages()
  const withCurl = [...base, ...curl].sort((a, b) => a.name.localeCompare(b.name))
  const rootfs = buildLayer(ubuntuRootfs(FOCAL, base, 'amd64'))
  const bk = (minute: number, created_by: string, empty = false): HistoryEntry => ({ created: at(minute, '2023-11-20'), created_by, comment: 'buildkit.dockerfile.v0', ...(empty ? { empty_layer: true } : {}) })
  const nop = (created_by: string, empty = true): HistoryEntry => ({ created: CREATED_BASE, created_by: `/bin/sh -c #(nop) ${created_by}`, ...(empty ? { empty_layer: true } : {}) })

  return buildImage({
    format: 'docker',
    layers: [
      rootfs,
      withParents([file('var/lib/dpkg/status', dpkgStatus(withCurl, 'amd64')), file('var/lib/dpkg/status-old', dpkgStatus(base, 'amd64')), ...dpkgInfoAndFiles(curl, 'amd64'), dir('var/lib/apt/lists')]),
      withParents([
        file('etc/passwd', etcPasswd(['ops:x:0:0::/home/ops:/bin/sh'])),
        { ...file('etc/shadow', etcShadow(FOCAL.shadowDay, {}, ['ops:$1$l5demo$dvKmVqre3rwM4Mcgrl9p31:19681:0:99999:7:::']), 0o640), gid: 42 },
        dir('home/ops', 0o755),
        file('home/ops/.profile', '# ~/.profile: executed by the command interpreter for login shells.\n'),
      ]),
      withParents([
        file('srv/api/server.sh', '#!/bin/bash\nset -euo pipefail\nexec /srv/api/bin/legacy-api --config /srv/api/config.yml\n', 0o755),
        file('srv/api/config.yml', 'listen: 0.0.0.0:8080\ndatabase:\n  host: db.internal\n  user: legacy\n  password: Winter2019!\n'),
        file('srv/api/bin/legacy-api', '#!/bin/bash\n# placeholder for the service binary\necho legacy-api\n', 0o755),
      ]),
    ],
    config: {
      architecture: 'amd64',
      os: 'linux',
      created: at(4, '2023-11-20'),
      config: {
        User: 'ops',
        Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
        Entrypoint: ['/srv/api/server.sh'],
        WorkingDir: '/srv/api',
        ExposedPorts: { '8080/tcp': {} },
        Healthcheck: { Test: ['CMD-SHELL', 'curl -fsS http://127.0.0.1:8080/health || exit 1'], Interval: 30_000_000_000, Timeout: 5_000_000_000, Retries: 3 },
        Labels: { 'org.opencontainers.image.ref.name': 'ubuntu', 'org.opencontainers.image.version': '20.04' },
      },
      history: [
        nop(' ARG RELEASE'),
        nop(' ARG LAUNCHPAD_BUILD_ARCH'),
        nop(' LABEL org.opencontainers.image.ref.name=ubuntu'),
        nop(' LABEL org.opencontainers.image.version=20.04'),
        nop(`ADD file:${rootfs.diffId.slice('sha256:'.length)} in / `, false),
        nop(' CMD ["/bin/bash"]'),
        bk(1, 'RUN /bin/sh -c apt-get update && apt-get install -y curl=7.68.0-1ubuntu2.18 libcurl4=7.68.0-1ubuntu2.18 openssl=1.1.1f-1ubuntu2.16 libssl1.1=1.1.1f-1ubuntu2.16 ca-certificates && rm -rf /var/lib/apt/lists/* # buildkit'),
        bk(2, "RUN /bin/sh -c useradd -o -u 0 -g 0 -m ops && echo 'ops:changeme' | chpasswd -c MD5 # buildkit"),
        bk(3, 'COPY api/ /srv/api/ # buildkit'),
        bk(4, 'WORKDIR /srv/api', true),
        bk(4, 'USER ops', true),
        bk(4, 'EXPOSE map[8080/tcp:{}]', true),
        bk(4, 'HEALTHCHECK &{["CMD-SHELL" "curl -fsS http://127.0.0.1:8080/health || exit 1"] "30s" "5s" "0s" "0s" \'\\x03\'}', true),
        bk(4, 'ENTRYPOINT ["/srv/api/server.sh"]', true),
      ],
    },
  })
}
