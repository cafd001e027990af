import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { createApp, type AppDeps } from '../../app'
import { createLogger } from '../../log'
import type { TestApp } from '../../testing/test-app'

export interface WireServer {
  /** `http://127.0.0.1:<port>` */
  origin: string
  close(): Promise<void>
}

/**
 * The real app over a test app's database and services, with the wire endpoints
 * configured, listening on 127.0.0.1 so real HTTP clients (pop-core, fetch) reach it.
 */
export async function startWireServer(t: TestApp, wire: NonNullable<AppDeps['wire']>): Promise<WireServer> {
  const app = createApp({ db: t.db, dbKind: t.dbKind, log: createLogger('silent'), instances: t.booted.instances, scans: t.booted.scans, wire })
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s))
  })
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        if ('closeAllConnections' in server) server.closeAllConnections()
        server.close((err) => (err ? reject(err) : resolve()))
      }),
  }
}
