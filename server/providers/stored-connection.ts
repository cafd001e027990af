import type { InstanceConnection } from '@contract/instances'
import { acrEndpoint } from './acr/acr-client'
import { toStoredConnection } from './local/connection'
import type { StoredInstanceConnection } from './provider'

/** A connection as the API received it, in the form it is stored and used. */
export function toStoredInstanceConnection(conn: InstanceConnection): StoredInstanceConnection {
  switch (conn.kind) {
    case 'ACR':
      return {
        kind: 'ACR',
        endpoint: (conn.endpoint ?? acrEndpoint(conn.regionId)).replace(/\/+$/, ''),
        regionId: conn.regionId,
        acrInstanceId: conn.acrInstanceId,
        accessKey: conn.accessKeyId !== undefined && conn.accessKeySecret !== undefined ? { id: conn.accessKeyId, secret: conn.accessKeySecret } : null,
      }
    case 'STACKROX':
      return { kind: 'STACKROX', endpoint: conn.url.replace(/\/+$/, ''), apiToken: conn.apiToken, cluster: conn.cluster ?? null, insecureTls: conn.insecureTls }
    default:
      return toStoredConnection(conn)
  }
}
