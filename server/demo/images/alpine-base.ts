import { buildImage, type BuiltLayer, type BuiltImage } from '../image-writer'
import type { TarEntry } from '../tar-writer'
import { alpineBasePackages } from './alpine-packages'
import { apkFiles, apkInstalled, type ApkPackage } from './apk'
import type { DemoNotes } from './demo-notes'
import { dir, file, symlink, withParents } from './layer-files'

/**
 * demo/alpine-base: the Alpine 3.18 minirootfs, kept clean on purpose (non-root USER, a
 * HEALTHCHECK, no secrets), so reports show what a tidy image looks like. Its only finding
 * is musl. It is stored as a classic `docker save` archive with uncompressed layers.
 */
export const alpineBaseNotes: DemoNotes = {
  repository: 'demo/alpine-base',
  os: 'alpine 3.18.4',
  vulnerable: [{ ecosystem: 'Alpine:v3.18', name: 'musl', version: '1.2.4-r2', advisories: ['ALPINE-CVE-2025-26519'] }],
  removed: [],
  baseline: [],
  malicious: [],
}

export const ALPINE_VERSION = '3.18.4'
export const ALPINE_ROOTFS_CREATED = '2023-09-28T21:19:27Z'
const BUSYBOX_APPLETS = ['ash', 'cat', 'cp', 'echo', 'grep', 'ls', 'mkdir', 'mv', 'ps', 'rm', 'sed', 'sleep', 'tar', 'wget']

const osRelease = `NAME="Alpine Linux"\nID=alpine\nVERSION_ID=${ALPINE_VERSION}\nPRETTY_NAME="Alpine Linux v3.18"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n`

/** The apk database and world file, for the base set or for an image that added packages. */
export function apkDatabase(pkgs: ApkPackage[], world: string[]): TarEntry[] {
  return [file('etc/apk/world', [...world].sort().join('\n') + '\n'), file('lib/apk/db/installed', apkInstalled(pkgs)), file('lib/apk/db/triggers', ''), file('lib/apk/db/lock', '', 0o600)]
}

/** The minirootfs: directories, release files, busybox applet links, apk db and package files. */
export function alpineRootfs(): TarEntry[] {
  const pkgs = alpineBasePackages()
  return withParents([
    ...['bin', 'dev', 'etc', 'home', 'lib', 'media/cdrom', 'mnt', 'opt', 'proc', 'run', 'sbin', 'srv', 'sys', 'usr/bin', 'usr/lib', 'usr/local/bin', 'usr/sbin', 'var/cache', 'var/log', 'var/spool'].map((d) => dir(d)),
    dir('root', 0o700),
    dir('tmp', 0o1777),
    dir('var/tmp', 0o1777),
    file('etc/os-release', osRelease),
    file('etc/alpine-release', `${ALPINE_VERSION}\n`),
    file('etc/apk/arch', 'x86_64\n'),
    // An example mirror: the branch (v3.18) is what OS detection reads from this file.
    file('etc/apk/repositories', 'https://mirror.example.org/alpine/v3.18/main\nhttps://mirror.example.org/alpine/v3.18/community\n'),
    ...apkDatabase(pkgs, ['alpine-baselayout', 'alpine-keys', 'apk-tools', 'busybox', 'ca-certificates-bundle', 'libc-utils']),
    ...apkFiles(pkgs),
    ...BUSYBOX_APPLETS.map((a) => symlink(`bin/${a}`, '/bin/busybox')),
  ])
}

/** alpine-base's config; the history starts as the upstream `alpine:3.18` image's does. */
export function buildAlpineBase(rootfs: BuiltLayer): BuiltImage {
  const bk = (created_by: string) => ({ created: '2024-01-02T00:00:00Z', created_by, comment: 'buildkit.dockerfile.v0', empty_layer: true })
  const healthcheck = 'wget -q --spider http://127.0.0.1:8080/healthz || exit 1'
  return buildImage({
    format: 'docker',
    layers: [rootfs],
    config: {
      architecture: 'amd64',
      os: 'linux',
      created: '2024-01-02T00:00:00Z',
      config: {
        User: '65534',
        Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
        Cmd: ['/bin/sh'],
        WorkingDir: '/',
        Healthcheck: { Test: ['CMD-SHELL', healthcheck], Interval: 30_000_000_000, Timeout: 3_000_000_000, Retries: 3 },
      },
      history: [
        { created: ALPINE_ROOTFS_CREATED, created_by: `/bin/sh -c #(nop) ADD file:${rootfs.diffId.slice('sha256:'.length)} in / ` },
        { created: ALPINE_ROOTFS_CREATED, created_by: '/bin/sh -c #(nop)  CMD ["/bin/sh"]', empty_layer: true },
        bk('USER 65534'),
        bk(`HEALTHCHECK &{["CMD-SHELL" "${healthcheck}"] "30s" "3s" "0s" "0s" '\\x03'}`),
      ],
    },
  })
}
