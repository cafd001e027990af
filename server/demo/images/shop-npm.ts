import type { TarEntry } from '../tar-writer'
import { file, withParents } from './layer-files'

/**
 * The npm tree `npm ci --omit=dev` leaves for the shop's package.json: express 4.17.1 with
 * the qs 6.7.0 it pins, lodash 4.17.20, axios 0.21.0, jsonwebtoken 8.5.1 and minimist
 * 1.2.5 (which a later layer deletes). Where ranges conflict npm nests a second copy, as
 * with ms: 2.0.0 at the top (for debug), 2.1.1 under send and 2.1.3 under jsonwebtoken.
 */
interface NpmPackage {
  name: string
  version: string
  license: string
  description: string
  author?: string
  repository?: string
  dependencies?: Record<string, string>
  /** Where it is installed, below /app/node_modules (default: its name). */
  at?: string
}

const EXPRESS_DEPS: Record<string, string> = {
  accepts: '~1.3.7', 'array-flatten': '1.1.1', 'body-parser': '1.19.0', 'content-disposition': '0.5.3', 'content-type': '~1.0.4', cookie: '0.4.0',
  'cookie-signature': '1.0.6', debug: '2.6.9', depd: '~1.1.2', encodeurl: '~1.0.2', 'escape-html': '~1.0.3', etag: '~1.8.1', finalhandler: '~1.1.2',
  fresh: '0.5.2', 'merge-descriptors': '1.0.1', methods: '~1.1.2', 'on-finished': '~2.3.0', parseurl: '~1.3.3', 'path-to-regexp': '0.1.7',
  'proxy-addr': '~2.0.5', qs: '6.7.0', 'range-parser': '~1.2.1', 'safe-buffer': '5.1.2', send: '0.17.1', 'serve-static': '1.14.1',
  setprototypeof: '1.1.1', statuses: '~1.5.0', 'type-is': '~1.6.18', 'utils-merge': '1.0.1', vary: '~1.1.2',
}

const PACKAGES: NpmPackage[] = [
  { name: 'express', version: '4.17.1', license: 'MIT', description: 'Fast, unopinionated, minimalist web framework', author: 'TJ Holowaychuk <tj@vision-media.ca>', repository: 'expressjs/express', dependencies: EXPRESS_DEPS },
  { name: 'body-parser', version: '1.19.0', license: 'MIT', description: 'Node.js body parsing middleware', repository: 'expressjs/body-parser', dependencies: { bytes: '3.1.0', 'content-type': '~1.0.4', debug: '2.6.9', depd: '~1.1.2', 'http-errors': '1.7.2', 'iconv-lite': '0.4.24', 'on-finished': '~2.3.0', qs: '6.7.0', 'raw-body': '2.4.0', 'type-is': '~1.6.17' } },
  { name: 'qs', version: '6.7.0', license: 'BSD-3-Clause', description: 'A querystring parser that supports nesting and arrays, with a depth limit', repository: 'https://github.com/ljharb/qs.git' },
  { name: 'cookie', version: '0.4.0', license: 'MIT', description: 'HTTP server cookie parsing and serialization', author: 'Roman Shtylman <shtylman@gmail.com>', repository: 'jshttp/cookie' },
  { name: 'debug', version: '2.6.9', license: 'MIT', description: 'small debugging utility', author: 'TJ Holowaychuk <tj@vision-media.ca>', repository: 'git://github.com/visionmedia/debug.git', dependencies: { ms: '2.0.0' } },
  { name: 'ms', version: '2.0.0', license: 'MIT', description: 'Tiny milisecond conversion utility', repository: 'zeit/ms' },
  { name: 'send', version: '0.17.1', license: 'MIT', description: 'Better streaming static file server with Range and conditional-GET support', author: 'TJ Holowaychuk <tj@vision-media.ca>', repository: 'pillarjs/send', dependencies: { debug: '2.6.9', depd: '~1.1.2', destroy: '~1.0.4', encodeurl: '~1.0.2', 'escape-html': '~1.0.3', etag: '~1.8.1', fresh: '0.5.2', 'http-errors': '~1.7.2', mime: '1.6.0', ms: '2.1.1', 'on-finished': '~2.3.0', 'range-parser': '~1.2.1', statuses: '~1.5.0' } },
  { name: 'ms', version: '2.1.1', license: 'MIT', description: 'Tiny millisecond conversion utility', repository: 'zeit/ms', at: 'send/node_modules/ms' },
  { name: 'safe-buffer', version: '5.1.2', license: 'MIT', description: 'Safer Node.js Buffer API', author: 'Feross Aboukhadijeh <feross@feross.org>', repository: 'git://github.com/feross/safe-buffer.git' },
  { name: 'lodash', version: '4.17.20', license: 'MIT', description: 'Lodash modular utilities.', author: 'John-David Dalton <john.david.dalton@gmail.com>', repository: 'lodash/lodash' },
  { name: 'minimist', version: '1.2.5', license: 'MIT', description: 'parse argument options', author: 'James Halliday <mail@substack.net>', repository: 'git://github.com/substack/minimist.git' },
  { name: 'axios', version: '0.21.0', license: 'MIT', description: 'Promise based HTTP client for the browser and node.js', author: 'Matt Zabriskie', repository: 'https://github.com/axios/axios.git', dependencies: { 'follow-redirects': '^1.10.0' } },
  { name: 'follow-redirects', version: '1.13.0', license: 'MIT', description: 'HTTP and HTTPS modules that follow redirects.', author: 'Ruben Verborgh <ruben@verborgh.org>', repository: 'git@github.com:follow-redirects/follow-redirects.git' },
  { name: 'jsonwebtoken', version: '8.5.1', license: 'MIT', description: 'JSON Web Token implementation (symmetric and asymmetric)', author: 'auth0', repository: 'https://github.com/auth0/node-jsonwebtoken', dependencies: { jws: '^3.2.2', 'lodash.includes': '^4.3.0', 'lodash.isboolean': '^3.0.3', 'lodash.isinteger': '^4.0.4', 'lodash.isnumber': '^3.0.3', 'lodash.isplainobject': '^4.0.6', 'lodash.isstring': '^4.0.1', 'lodash.once': '^4.0.0', ms: '^2.1.1', semver: '^5.6.0' } },
  { name: 'ms', version: '2.1.3', license: 'MIT', description: 'Tiny millisecond conversion utility', repository: 'vercel/ms', at: 'jsonwebtoken/node_modules/ms' },
  { name: 'jws', version: '3.2.2', license: 'MIT', description: 'Implementation of JSON Web Signatures', author: 'Brian J Brennan', repository: 'git://github.com/brianloveswords/node-jws.git', dependencies: { jwa: '^1.4.1', 'safe-buffer': '^5.0.1' } },
  { name: 'semver', version: '5.7.1', license: 'ISC', description: 'The semantic version parser used by npm.', repository: 'https://github.com/npm/node-semver' },
]

/** Field order and two-space indent as npm's own package.json files have them. */
function packageJson(p: NpmPackage): string {
  const json = {
    name: p.name,
    description: p.description,
    version: p.version,
    ...(p.author ? { author: p.author } : {}),
    license: p.license,
    ...(p.repository ? { repository: p.repository } : {}),
    main: 'index.js',
    ...(p.dependencies ? { dependencies: p.dependencies } : {}),
    engines: { node: '>= 0.6' },
  }
  return JSON.stringify(json, null, 2) + '\n'
}

/** The application's own package.json (outside node_modules: the app, not a dependency). */
export function shopPackageJsonLayer(): TarEntry[] {
  const app = { name: 'shop-app', version: '1.0.0', private: true, description: 'Demo shop backend', main: 'server.js', scripts: { start: 'node server.js' }, dependencies: { axios: '0.21.0', express: '4.17.1', jsonwebtoken: '8.5.1', lodash: '4.17.20', minimist: '1.2.5' } }
  return withParents([file('app/package.json', JSON.stringify(app, null, 2) + '\n')])
}

export function shopNodeModulesLayer(): TarEntry[] {
  return withParents(
    PACKAGES.flatMap((p) => {
      const dir = `app/node_modules/${p.at ?? p.name}`
      return [file(`${dir}/package.json`, packageJson(p)), file(`${dir}/index.js`, `'use strict'\n// ${p.name} ${p.version}\nmodule.exports = {}\n`)]
    }),
  )
}
