import { execFileSync } from 'node:child_process'
import fs from 'node:fs/promises'
import http from 'node:http'
import https from 'node:https'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { diagnoseRegistry } from './connection-diagnostics'
import { failed, listen, registry, statuses, target } from './connection-diagnostics.testing'

/* TLS servers on 127.0.0.1 with certificates openssl makes for each test: no key is checked in. */

const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()

describe.skipIf(!hasOpenssl)('diagnoseRegistry: TLS', () => {
  /** A key and a self-signed certificate made now; `dates` signs it with openssl ca to give past validity. */
  async function certificate(subjectAltName: string, dates?: { start: string; end: string }) {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'layerscope-tls-'))
    const file = (name: string) => path.join(dir, name)
    const run = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' })
    try {
      if (!dates) {
        run([
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:prime256v1',
          '-nodes',
          '-keyout',
          'key.pem',
          '-out',
          'cert.pem',
          '-days',
          '1',
          '-subj',
          '/CN=layerscope-test',
          '-addext',
          `subjectAltName=${subjectAltName}`,
        ])
      } else {
        await fs.writeFile(file('index.txt'), '')
        await fs.writeFile(file('serial'), '01\n')
        await fs.writeFile(
          file('ca.cnf'),
          '[ca]\ndefault_ca = test\n[test]\ndatabase = index.txt\nnew_certs_dir = .\nserial = serial\ndefault_md = sha256\npolicy = any\ncopy_extensions = copy\n[any]\ncommonName = supplied\n',
        )
        run([
          'req',
          '-new',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:prime256v1',
          '-nodes',
          '-keyout',
          'key.pem',
          '-out',
          'req.csr',
          '-subj',
          '/CN=layerscope-test',
          '-addext',
          `subjectAltName=${subjectAltName}`,
        ])
        run([
          'ca',
          '-batch',
          '-config',
          'ca.cnf',
          '-selfsign',
          '-keyfile',
          'key.pem',
          '-in',
          'req.csr',
          '-startdate',
          dates.start,
          '-enddate',
          dates.end,
          '-out',
          'cert.pem',
        ])
      }
      return {
        key: await fs.readFile(file('key.pem'), 'utf8'),
        cert: await fs.readFile(file('cert.pem'), 'utf8'),
      }
    } finally {
      await fs.rm(dir, { recursive: true, force: true })
    }
  }

  async function tlsRegistry(tls: { key: string; cert: string }) {
    return `https://127.0.0.1:${await listen(https.createServer(tls, registry()))}`
  }

  it('a self-signed certificate fails the TLS step, with the hint to skip verification', async () => {
    const url = await tlsRegistry(await certificate('IP:127.0.0.1'))
    const result = failed(await diagnoseRegistry(target(url)))
    expect(result).toMatchObject({ stage: 'tls', code: 'REGISTRY_UNREACHABLE' })
    expect(result.message).toContain('the certificate is not trusted: it is self-signed')
    expect(result.hint).toContain('Skip TLS verification')
    expect(statuses(result)).toMatchObject({ connect: 'PASSED', tls: 'FAILED', api: 'NOT_RUN' })
  })

  it('with Skip TLS verification on, the same registry passes and the TLS step says what was not verified', async () => {
    const url = await tlsRegistry(await certificate('IP:127.0.0.1'))
    const result = await diagnoseRegistry(target(url, { insecureTls: true }))
    expect(result).toMatchObject({ ok: true, repositoryCount: 2 })
    expect(result.checks.find((c) => c.step === 'tls')).toMatchObject({
      status: 'PASSED',
      detail: expect.stringContaining('not verified') as unknown,
    })
  })

  it('an expired certificate is named with its date', async () => {
    const url = await tlsRegistry(
      await certificate('IP:127.0.0.1', { start: '20200101000000Z', end: '20200102000000Z' }),
    )
    const result = failed(await diagnoseRegistry(target(url)))
    expect(result.stage).toBe('tls')
    expect(result.message).toContain('it expired on 2020-01-02')
  })

  it('a certificate for another host name is named as a mismatch', async () => {
    const url = await tlsRegistry(await certificate('DNS:registry.example.com'))
    const result = failed(await diagnoseRegistry(target(url)))
    expect(result.stage).toBe('tls')
    expect(result.message).toContain('it is for registry.example.com, not 127.0.0.1')
  })

  it('plain http on an https URL is named as no TLS', async () => {
    const port = await listen(http.createServer(registry()))
    const result = failed(await diagnoseRegistry(target(`https://127.0.0.1:${port}`)))
    expect(result.stage).toBe('tls')
    expect(result.hint).toContain('use an http:// URL')
  })
})
