import type { InstanceProvider } from '../provider'
import { testConnection } from './connection'
import { syncInstanceIndex } from './sync'

/**
 * The local provider: our index over an OCI registry or a directory of images, and our
 * own scan engine (the scan workers run it over the instance's image source).
 */
export const localProvider: InstanceProvider<'REGISTRY' | 'DIRECTORY'> = {
  name: 'local',
  unsupported: {},
  scan: { where: 'engine' },
  testConnection: (conn, signal) => testConnection(conn, signal),
  syncIndex: (conn, ctx) => syncInstanceIndex(ctx.db, ctx.instanceId, conn, ctx.log, ctx.signal),
  assertScanSupported: () => undefined,
}
