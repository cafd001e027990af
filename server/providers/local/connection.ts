import fs from 'node:fs/promises'
import type { InstanceConnection } from '@contract/instances'
import { AcquireError } from '../../engine/acquire/errors'
import type { ImageSource } from '../../engine/acquire/image-source'
import { openImageSource } from '../../engine/acquire/open-source'
import { ApiError } from '../../errors'

/** What is stored for a local instance, enough to reopen its image source. */
export interface StoredConnection {
  kind: 'REGISTRY' | 'DIRECTORY'
  endpoint: string
  username: string | null
  password: string | null
  insecureTls: boolean
}

export function toStoredConnection(conn: InstanceConnection): StoredConnection {
  return conn.kind === 'REGISTRY'
    ? {
        kind: 'REGISTRY',
        endpoint: conn.url.replace(/\/+$/, ''),
        username: conn.username ?? null,
        password: conn.password ?? null,
        insecureTls: conn.insecureTls,
      }
    : { kind: 'DIRECTORY', endpoint: conn.path, username: null, password: null, insecureTls: false }
}

export async function openConnection(conn: StoredConnection): Promise<ImageSource> {
  if (conn.kind === 'DIRECTORY') {
    await assertDirectory(conn.endpoint)
    return openImageSource({ kind: 'directory', path: conn.endpoint })
  }
  return openImageSource({
    kind: 'registry',
    url: conn.endpoint,
    ...(conn.username ? { username: conn.username } : {}),
    ...(conn.password ? { password: conn.password } : {}),
    insecureTls: conn.insecureTls,
  })
}

/**
 * Proves a connection works before anything is stored: the registry answers `/v2/` with
 * these credentials (or the directory holds images), and counts what it can see.
 */
export async function checkConnection(conn: StoredConnection, signal?: AbortSignal): Promise<{ message: string; repositoryCount: number | null }> {
  const source = await openConnection(conn)
  try {
    if (conn.kind === 'REGISTRY' && 'ping' in source && typeof source.ping === 'function') {
      await (source.ping as (o?: { signal?: AbortSignal }) => Promise<unknown>)({ signal })
    }
    let repositoryCount: number | null = null
    try {
      repositoryCount = (await source.listRepositories({ signal })).length
    } catch (err) {
      // A registry may refuse the catalog to these credentials while pulls still work.
      if (!(err instanceof AcquireError && (err.code === 'FORBIDDEN' || err.code === 'UNAUTHORIZED' || err.code === 'NOT_FOUND')) || conn.kind === 'DIRECTORY') throw err
    }
    const where = conn.kind === 'REGISTRY' ? 'Registry answered' : 'Directory readable'
    return {
      message: repositoryCount === null ? `${where}; the catalog is not listable with these credentials.` : `${where}; ${repositoryCount} ${repositoryCount === 1 ? 'repository' : 'repositories'} found.`,
      repositoryCount,
    }
  } catch (err) {
    throw toApiError(err, conn)
  } finally {
    await source.close().catch(() => undefined)
  }
}

async function assertDirectory(dir: string) {
  const stat = await fs.stat(dir).catch(() => null)
  if (!stat?.isDirectory()) throw new ApiError('DIRECTORY_INVALID', `Not a readable directory on the server: ${dir}`, { path: ['is not a readable directory on the server'] })
}

/** Maps the engine's acquisition errors onto the API's codes; messages never carry credentials. */
export function toApiError(err: unknown, conn: StoredConnection): unknown {
  if (err instanceof ApiError || !(err instanceof AcquireError)) return err
  const field = conn.kind === 'REGISTRY' ? 'url' : 'path'
  switch (err.code) {
    case 'UNREACHABLE':
    case 'TLS':
      return new ApiError('REGISTRY_UNREACHABLE', err.message, { [field]: [err.message] })
    case 'UNAUTHORIZED':
    case 'FORBIDDEN':
      return new ApiError('REGISTRY_AUTH_FAILED', err.message, { password: [err.message] })
    default:
      return conn.kind === 'DIRECTORY' ? new ApiError('DIRECTORY_INVALID', err.message, { path: [err.message] }) : new ApiError('REGISTRY_ERROR', err.message)
  }
}
