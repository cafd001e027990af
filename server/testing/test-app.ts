import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { z } from 'zod'
import type { OperationName, Operations } from '@contract/operations'
import { operations } from '@contract/operations'
import { boot, type Booted } from '../boot'
import { createLogger } from '../log'

/**
 * Boots the real app against a real database for API tests: a fresh in-memory PGlite,
 * or, when TEST_DATABASE_URL is set (the PostgreSQL pass), a fresh schema in that server.
 */
export async function startTestApp(opts: { demo?: boolean } = {}): Promise<TestApp> {
  // eslint-disable-next-line no-restricted-properties -- test harness picks the database pass
  const databaseUrl = process.env.TEST_DATABASE_URL || undefined
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'layerscope-test-'))
  const schema = databaseUrl ? `t_${randomBytes(6).toString('hex')}` : undefined
  const booted = await boot({
    databaseUrl,
    // PGlite in memory unless the demo needs the data dir for its images.
    dataDir: opts.demo ? dataDir : undefined,
    schema,
    demo: opts.demo ?? false,
    log: createLogger('silent'),
  })
  if (opts.demo) await booted.sync.idle()
  return new TestApp(booted, dataDir, databaseUrl ? 'postgres' : 'pglite')
}

export interface CallResult<T> {
  status: number
  body: T
  headers: Headers
}

export class TestApp {
  constructor(
    readonly booted: Booted,
    readonly dataDir: string,
    readonly dbKind: 'pglite' | 'postgres',
  ) {}

  /** Calls an operation the way any HTTP client would: GET query string or POST JSON. */
  async call<N extends OperationName>(name: N, input: Record<string, unknown>): Promise<CallResult<z.output<Operations[N]['output']> & Record<string, unknown>>> {
    const op = operations[name]
    let res: Response
    if (op.method === 'GET') {
      const qs = new URLSearchParams()
      for (const [k, v] of Object.entries(input)) {
        if (v === undefined) continue
        for (const item of Array.isArray(v) ? v : [v]) qs.append(k, String(item))
      }
      res = await this.booted.app.request(`/api/v1/${name}?${qs.toString()}`)
    } else {
      res = await this.booted.app.request(`/api/v1/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) })
    }
    return { status: res.status, body: (await res.json()) as never, headers: res.headers }
  }

  request(url: string, init?: RequestInit) {
    return this.booted.app.request(url, init)
  }

  async close() {
    await this.booted.close()
    await fs.rm(this.dataDir, { recursive: true, force: true })
  }
}
