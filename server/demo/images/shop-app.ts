import { buildImage, type BuiltImage, type BuiltLayer, type HistoryEntry } from '../image-writer'
import { ALPINE_ROOTFS_CREATED } from './alpine-base'
import type { DemoNotes } from './demo-notes'
import { DEMO_GITHUB_TOKEN } from './fake-secrets'
import { at } from './layer-files'
import { shopJavaLayer } from './shop-java'
import { shopNodeModulesLayer, shopPackageJsonLayer } from './shop-npm'
import { shopPythonLayer } from './shop-python'
import { shopAddLayer, shopAppFilesLayer, shopCleanupLayer, shopRuntimeLayer } from './shop-files'

/**
 * demo/shop-app: a Node, Python and Java application on the same Alpine base layer as
 * demo/alpine-base (same tar bytes, so the same diffID), full of vulnerable libraries and
 * of files the malicious-file checks must find.
 */
export const shopAppNotes: DemoNotes = {
  repository: 'demo/shop-app',
  os: 'alpine 3.18.4',
  vulnerable: [
    { ecosystem: 'Alpine:v3.18', name: 'musl', version: '1.2.4-r2', advisories: ['ALPINE-CVE-2025-26519'] },
    { ecosystem: 'npm', name: 'express', version: '4.17.1', advisories: ['GHSA-rv95-896h-c2vc'], path: 'app/node_modules/express' },
    { ecosystem: 'npm', name: 'qs', version: '6.7.0', advisories: ['GHSA-hrpp-h998-j3pp'], path: 'app/node_modules/qs' },
    { ecosystem: 'npm', name: 'lodash', version: '4.17.20', advisories: ['GHSA-29mw-wpgm-hmr9'], path: 'app/node_modules/lodash' },
    { ecosystem: 'npm', name: 'axios', version: '0.21.0', advisories: ['GHSA-4w2v-q235-vp99'], path: 'app/node_modules/axios' },
    { ecosystem: 'npm', name: 'jsonwebtoken', version: '8.5.1', advisories: ['GHSA-8cf7-32gw-wr33', 'GHSA-hjrf-2m68-5959'], path: 'app/node_modules/jsonwebtoken' },
    { ecosystem: 'PyPI', name: 'jinja2', version: '2.11.2', advisories: ['PYSEC-2021-66', 'GHSA-h5c8-rqwp-cp95'], path: 'usr/lib/python3.11/site-packages/Jinja2-2.11.2.dist-info' },
    { ecosystem: 'PyPI', name: 'requests', version: '2.19.1', advisories: ['PYSEC-2018-28', 'PYSEC-2023-74'], path: 'usr/lib/python3.11/site-packages/requests-2.19.1.dist-info' },
    { ecosystem: 'PyPI', name: 'pyyaml', version: '5.3', advisories: ['PYSEC-2020-96'], path: 'usr/lib/python3.11/site-packages/PyYAML-5.3.dist-info' },
    { ecosystem: 'PyPI', name: 'django', version: '3.2.4', advisories: ['PYSEC-2021-109', 'PYSEC-2022-213', 'PYSEC-2023-61'], path: 'usr/lib/python3.11/site-packages/Django-3.2.4.dist-info' },
    { ecosystem: 'PyPI', name: 'urllib3', version: '1.26.16', advisories: ['PYSEC-2023-192', 'PYSEC-2023-212'], path: 'usr/lib/python3.11/site-packages/urllib3-1.26.16.dist-info' },
    { ecosystem: 'Maven', name: 'org.apache.logging.log4j:log4j-core', version: '2.14.1', advisories: ['GHSA-jfh8-c2jp-5v3q', 'GHSA-7rjr-3q55-vv33', 'GHSA-p6xc-xr62-6r2g'], path: 'app/lib/log4j-core-2.14.1.jar' },
    { ecosystem: 'Maven', name: 'com.fasterxml.jackson.core:jackson-databind', version: '2.13.2', advisories: ['GHSA-57j2-w4cx-62h2', 'GHSA-jjjh-jjxp-wpff'], path: 'app/lib/jackson-databind-2.13.2.jar' },
    { ecosystem: 'Maven', name: 'org.springframework:spring-beans', version: '5.3.17', advisories: ['GHSA-36p3-wjmg-h94x'], path: 'app/shop.jar/BOOT-INF/lib/spring-beans-5.3.17.jar' },
  ],
  removed: [{ ecosystem: 'npm', name: 'minimist', version: '1.2.5', path: 'app/node_modules/minimist' }],
  baseline: [
    'config: no USER (root)',
    'config: no HEALTHCHECK',
    'config: GITHUB_TOKEN in ENV',
    'history: ADD https://… (unverified remote content)',
    '/app/.env: database password, JWT secret, AWS example keys, an Alibaba Cloud AccessKey ID',
    '/app/uploads: world-writable directory without the sticky bit',
    '/app/config/development.json: hidden by the opaque directory of the last layer (still shipped in an older layer)',
  ],
  malicious: [
    '/app/uploads/eicar.com: EICAR anti-virus test file',
    '/app/public/shell.php: PHP web shell (system($_GET[…]))',
    '/tmp/config.json: xmrig miner configuration (stratum+tcp pool)',
  ],
}

/** The app's layers over the shared Alpine rootfs layer (gzip'ed here, raw in the archive). */
export function buildShopApp(alpineRootfs: BuiltLayer): BuiltImage {
  const bk = (minute: number, created_by: string, empty = false): HistoryEntry => ({ created: at(minute, '2024-01-03'), created_by, comment: 'buildkit.dockerfile.v0', ...(empty ? { empty_layer: true } : {}) })
  return buildImage({
    layers: [alpineRootfs, shopRuntimeLayer(), shopPackageJsonLayer(), shopNodeModulesLayer(), shopPythonLayer(), shopJavaLayer(), shopAppFilesLayer(), shopAddLayer(), shopCleanupLayer()],
    config: {
      architecture: 'amd64',
      os: 'linux',
      created: at(9, '2024-01-03'),
      config: {
        Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'NODE_ENV=production', `GITHUB_TOKEN=${DEMO_GITHUB_TOKEN}`, 'JAVA_HOME=/usr/lib/jvm/java-17-openjdk'],
        Cmd: ['node', 'server.js'],
        WorkingDir: '/app',
        ExposedPorts: { '3000/tcp': {} },
      },
      history: [
        { created: ALPINE_ROOTFS_CREATED, created_by: `/bin/sh -c #(nop) ADD file:${alpineRootfs.diffId.slice('sha256:'.length)} in / ` },
        { created: ALPINE_ROOTFS_CREATED, created_by: '/bin/sh -c #(nop)  CMD ["/bin/sh"]', empty_layer: true },
        bk(0, 'WORKDIR /app', true),
        bk(0, `ENV NODE_ENV=production GITHUB_TOKEN=${DEMO_GITHUB_TOKEN} JAVA_HOME=/usr/lib/jvm/java-17-openjdk`, true),
        bk(1, 'RUN /bin/sh -c apk add --no-cache nodejs python3 openjdk17-jre-headless # buildkit'),
        bk(2, 'COPY package.json ./ # buildkit'),
        bk(3, 'RUN /bin/sh -c npm ci --omit=dev # buildkit'),
        bk(4, 'RUN /bin/sh -c pip install --no-cache-dir Jinja2==2.11.2 requests==2.19.1 PyYAML==5.3 Django==3.2.4 urllib3==1.26.16 # buildkit'),
        bk(5, 'COPY java/ /app/ # buildkit'),
        bk(6, 'COPY . /app # buildkit'),
        bk(7, 'ADD https://files.example.net/mon/config.json /tmp/ # buildkit'),
        bk(8, `RUN /bin/sh -c rm -rf node_modules/minimist config && mkdir config && echo '{"port":3000,"logLevel":"warn"}' > config/production.json # buildkit`),
        bk(9, 'EXPOSE map[3000/tcp:{}]', true),
        bk(9, 'CMD ["node","server.js"]', true),
      ],
    },
  })
}
