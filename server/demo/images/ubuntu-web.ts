import { buildImage, buildIndex, buildLayer, type BuiltImage, type BuiltIndex, type HistoryEntry } from '../image-writer'
import type { TarEntry } from '../tar-writer'
import type { DemoNotes } from './demo-notes'
import { bin, type DpkgPackage, dpkgInfoAndFiles, dpkgStanza, dpkgStatus } from './dpkg'
import { AWS_EXAMPLE_ACCESS_KEY_ID, AWS_EXAMPLE_SECRET_ACCESS_KEY, dummyPem } from './fake-secrets'
import { at, dir, file, md5Hex, placeholder, withParents } from './layer-files'
import { baseFilesPackage, etcShadow, ubuntuRootfs } from './ubuntu-rootfs'
import { JAMMY, jammyPackages } from './ubuntu-jammy'

/**
 * demo/ubuntu-web: nginx and sshd on Ubuntu 22.04, for amd64 and arm64, with most of the
 * baseline mistakes an image can make: runs as root, no HEALTHCHECK, port 22, AWS keys in
 * ENV, `curl … | sh`, root login with an empty password, a baked-in private key, apt cache
 * left behind, an unexpected setuid binary and a world-writable config file.
 */
export const ubuntuWebNotes: DemoNotes = {
  repository: 'demo/ubuntu-web',
  os: 'ubuntu 22.04',
  vulnerable: [
    { ecosystem: 'Ubuntu:22.04:LTS', name: 'glibc', version: '2.35-0ubuntu3.3', advisories: ['USN-6409-1', 'UBUNTU-CVE-2023-4911'] },
    { ecosystem: 'Ubuntu:22.04:LTS', name: 'openssl', version: '3.0.2-0ubuntu1.7', advisories: ['USN-5844-1'] },
    { ecosystem: 'Ubuntu:22.04:LTS', name: 'curl', version: '7.81.0-1ubuntu1.13', advisories: ['USN-6429-1', 'UBUNTU-CVE-2023-38545'] },
  ],
  removed: [],
  baseline: [
    'config: no USER (root)',
    'config: no HEALTHCHECK',
    'config: EXPOSE 22',
    'config: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY in ENV',
    'history: curl … | sh',
    '/etc/ssh/sshd_config: PermitRootLogin yes, PasswordAuthentication yes, PermitEmptyPasswords yes',
    '/etc/shadow: root has an empty password',
    '/etc/ssh/ssh_host_ed25519_key: baked-in host key',
    '/root/.ssh/id_rsa: private key',
    '/var/cache/apt/archives/*.deb: package cache left in the image',
    '/usr/local/bin/helper: setuid root (04755), not a known setuid program',
    '/etc/nginx/conf.d/shared.conf: world-writable (0666)',
  ],
  malicious: [],
}

const OPENSSH = '1:8.9p1-3ubuntu0.4'
const NGINX = '1.18.0-6ubuntu14.4'
const CREATED_BASE = '2023-10-04T17:18:55Z'

const openssh = (name: string, size: number, description: string, files: DpkgPackage['files'], depends: string): DpkgPackage => ({
  name,
  version: OPENSSH,
  source: 'openssh',
  priority: name === 'openssh-client' ? 'standard' : 'optional',
  section: 'net',
  size,
  multiArch: 'foreign',
  depends,
  description,
  longDescription: 'This is the portable version of OpenSSH, a free implementation of\nthe Secure Shell protocol as specified by the IETF secsh working group.',
  homepage: 'https://www.openssh.com/',
  originalMaintainer: 'Debian OpenSSH Maintainers <debian-ssh@lists.debian.org>',
  files,
})

function opensshPackages(): DpkgPackage[] {
  return [
    openssh('openssh-client', 4000, 'secure shell (SSH) client, for secure access to remote machines', [bin('/usr/bin/ssh'), bin('/usr/bin/ssh-keygen')], 'adduser, passwd, libc6 (>= 2.34), libedit2 (>= 2.11-20080614-4), libfido2-1 (>= 1.8.0), libgssapi-krb5-2 (>= 1.17), libselinux1 (>= 3.1~), libssl3 (>= 3.0.2), zlib1g (>= 1:1.1.4)'),
    openssh('openssh-server', 1539, 'secure shell (SSH) server, for secure access from remote machines', [bin('/usr/sbin/sshd')], `openssh-client (= ${OPENSSH}), openssh-sftp-server, procps, ucf, debconf (>= 0.5) | debconf-2.0, runit-helper (>= 2.14.0~), libaudit1 (>= 1:2.2.1), libc6 (>= 2.34), libcom-err2 (>= 1.43.9), libcrypt1 (>= 1:4.1.0), libgssapi-krb5-2 (>= 1.17), libkrb5-3 (>= 1.13~alpha1+dfsg), libpam0g (>= 0.99.7.1), libselinux1 (>= 3.1~), libssl3 (>= 3.0.2), libsystemd0, libwrap0 (>= 7.6-4~), zlib1g (>= 1:1.1.4)`),
    openssh('openssh-sftp-server', 132, 'secure shell (SSH) sftp server module, for SFTP access from remote machines', [bin('/usr/lib/openssh/sftp-server')], `openssh-client (= ${OPENSSH}), libc6 (>= 2.34)`),
  ]
}

/** nginx copied in from a build stage with its dpkg record, the way distroless images do. */
function nginxLayer(arch: string): TarEntry[] {
  const nginx: DpkgPackage = {
    name: 'nginx-core',
    version: NGINX,
    source: 'nginx',
    priority: 'optional',
    section: 'httpd',
    size: 1350,
    provides: 'httpd, httpd-cgi, nginx',
    depends: `nginx-common (= ${NGINX}), iproute2, libc6 (>= 2.34), libcrypt1 (>= 1:4.1.0), libpcre3, libssl3 (>= 3.0.0~~alpha1), zlib1g (>= 1:1.1.4)`,
    description: 'nginx web/proxy server (standard version)',
    longDescription: 'Nginx ("engine X") is a high-performance web and reverse proxy server\ncreated by Igor Sysoev. It can be used both as a standalone web server\nand as a proxy to reduce the load on back-end HTTP or mail servers.',
    homepage: 'https://nginx.net',
    originalMaintainer: 'Debian Nginx Maintainers <pkg-nginx-maintainers@alioth-lists.debian.net>',
  }
  const binary = placeholder('/usr/sbin/nginx', nginx.name, NGINX)
  return withParents([
    file('etc/nginx/nginx.conf', 'user www-data;\nworker_processes auto;\npid /run/nginx.pid;\nevents { worker_connections 768; }\nhttp {\n  include /etc/nginx/mime.types;\n  include /etc/nginx/conf.d/*.conf;\n  server { listen 80 default_server; root /var/www/html; }\n}\n'),
    dir('etc/nginx/conf.d'),
    file('usr/sbin/nginx', binary, 0o755),
    file('var/www/html/index.html', '<!DOCTYPE html>\n<html><head><title>Welcome to nginx!</title></head><body><h1>Welcome to nginx!</h1></body></html>\n'),
    dir('var/log/nginx'),
    file('var/lib/dpkg/status.d/nginx-core', `${dpkgStanza(nginx, arch)}\n`),
    file('var/lib/dpkg/status.d/nginx-core.md5sums', `${md5Hex(binary)}  usr/sbin/nginx\n`),
  ])
}

/** `apt-get install openssh-server`: dpkg's status is rewritten whole, and the .debs stay cached. */
function opensshLayer(arch: string, basePackages: DpkgPackage[]): TarEntry[] {
  const added = opensshPackages()
  const all = [...basePackages, ...added].sort((a, b) => a.name.localeCompare(b.name))
  const sshdConfig = [
    '# This is the sshd server system-wide configuration file.  See',
    '# sshd_config(5) for more information.',
    'Include /etc/ssh/sshd_config.d/*.conf',
    'PermitRootLogin yes',
    'PasswordAuthentication yes',
    'PermitEmptyPasswords yes',
    'KbdInteractiveAuthentication no',
    'UsePAM yes',
    'X11Forwarding yes',
    'PrintMotd no',
    'AcceptEnv LANG LC_*',
    'Subsystem\tsftp\t/usr/lib/openssh/sftp-server',
    '',
  ].join('\n')
  return withParents([
    { ...file('etc/shadow', etcShadow(JAMMY.shadowDay, { root: '' }), 0o640), gid: 42 },
    file('etc/ssh/sshd_config', sshdConfig),
    file('etc/ssh/ssh_host_ed25519_key', dummyPem('OPENSSH PRIVATE KEY', 4), 0o600),
    file('etc/ssh/ssh_host_ed25519_key.pub', 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExhe2Vyc2NvcGVEZW1vTm90QVJlYWxIb3N0S2V5 root@buildkitsandbox\n'),
    dir('run/sshd', 0o755),
    file('var/lib/dpkg/status', dpkgStatus(all, arch)),
    file('var/lib/dpkg/status-old', dpkgStatus(basePackages, arch)),
    ...dpkgInfoAndFiles(added, arch),
    dir('var/cache/apt/archives/partial', 0o700),
    ...added.map((p) => file(`var/cache/apt/archives/${p.name}_${p.version.replace(':', '%3a')}_${arch}.deb`, `!<arch>\ndebian-binary   1704067200  0     0     100644  4         \`\n2.0\n`)),
  ])
}

function webImage(arch: string): BuiltImage {
  const base = [baseFilesPackage(JAMMY, '12ubuntu4.4'), ...jammyPackages(arch)].sort((a, b) => a.name.localeCompare(b.name))
  const rootfs = buildLayer(ubuntuRootfs(JAMMY, base, arch))
  const layers = [
    rootfs,
    nginxLayer(arch),
    opensshLayer(arch, base),
    withParents([dir('root/.ssh', 0o700), file('root/.ssh/id_rsa', dummyPem('RSA PRIVATE KEY'), 0o600)]),
    withParents([
      file('usr/local/bin/helper', '#!/bin/sh\n# installed by install.sh: runs maintenance tasks as root\nexec /bin/sh "$@"\n', 0o4755),
      file('etc/nginx/conf.d/shared.conf', '# written by install.sh; every user may edit it\nserver_tokens on;\n', 0o666),
    ]),
  ]
  const bk = (minute: number, created_by: string, empty = false): HistoryEntry => ({ created: at(minute), created_by, comment: 'buildkit.dockerfile.v0', ...(empty ? { empty_layer: true } : {}) })
  const nop = (created_by: string, empty = true): HistoryEntry => ({ created: CREATED_BASE, created_by: `/bin/sh -c #(nop) ${created_by}`, ...(empty ? { empty_layer: true } : {}) })
  const cmd = "/usr/sbin/sshd && exec nginx -g 'daemon off;'"
  return buildImage({
    layers,
    config: {
      architecture: arch,
      os: 'linux',
      created: at(5),
      config: {
        Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', `AWS_ACCESS_KEY_ID=${AWS_EXAMPLE_ACCESS_KEY_ID}`, `AWS_SECRET_ACCESS_KEY=${AWS_EXAMPLE_SECRET_ACCESS_KEY}`],
        Cmd: ['/bin/sh', '-c', cmd],
        ExposedPorts: { '22/tcp': {}, '80/tcp': {} },
        Labels: { 'org.opencontainers.image.ref.name': 'ubuntu', 'org.opencontainers.image.version': '22.04' },
      },
      history: [
        nop(' ARG RELEASE'),
        nop(' ARG LAUNCHPAD_BUILD_ARCH'),
        nop(' LABEL org.opencontainers.image.ref.name=ubuntu'),
        nop(' LABEL org.opencontainers.image.version=22.04'),
        nop(`ADD file:${rootfs.diffId.slice('sha256:'.length)} in / `, false),
        nop(' CMD ["/bin/bash"]'),
        bk(1, 'COPY /out/ / # buildkit'),
        bk(2, "RUN /bin/sh -c apt-get update && apt-get install -y openssh-server && passwd -d root && sed -i 's/^#\\?PermitRootLogin .*/PermitRootLogin yes/' /etc/ssh/sshd_config # buildkit"),
        bk(3, 'COPY id_rsa /root/.ssh/id_rsa # buildkit'),
        bk(4, 'RUN /bin/sh -c curl -fsSL https://get.example.com/install.sh | sh # buildkit'),
        bk(5, `ENV AWS_ACCESS_KEY_ID=${AWS_EXAMPLE_ACCESS_KEY_ID} AWS_SECRET_ACCESS_KEY=${AWS_EXAMPLE_SECRET_ACCESS_KEY}`, true),
        bk(5, 'EXPOSE map[22/tcp:{} 80/tcp:{}]', true),
        bk(5, `CMD ["/bin/sh","-c","${cmd}"]`, true),
      ],
    },
  })
}

/** One image per platform, and the OCI index over them that both tags point to. */
export function buildUbuntuWeb(): { index: BuiltIndex; images: BuiltImage[] } {
  const images = [webImage('amd64'), webImage('arm64')]
  return { index: buildIndex(images.map((image) => ({ image }))), images }
}
