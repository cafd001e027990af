import fs from 'node:fs/promises'
import type { InstanceConnection, TestInstanceConnectionResult } from '@contract/instances'
import { AcquireError } from '../../engine/acquire/errors'
import type { ImageSource } from '../../engine/acquire/image-source'
import { openImageSource } from '../../engine/acquire/open-source'
import { ApiError } from '../../errors'
import { diagnoseRegistry } from './connection-diagnostics'

/** The connections the local provider serves; ACR and StackRox have their own providers. */
export type LocalConnection = Extract<InstanceConnection, { kind: 'REGISTRY' | 'DIRECTORY' }>

/** What is stored for a local instance, enough to reopen its image source. */
export interface StoredConnection {
  kind: 'REGISTRY' | 'DIRECTORY'
  endpoint: string
  username: string | null
  password: string | null
  insecureTls: boolean
}

export function toStoredConnection(conn: LocalConnection): StoredConnection {
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
 * Tests a connection without storing anything. A registry is diagnosed step by step
 * (connection-diagnostics.ts) and a failure comes back as a result naming the failed
 * step; a directory is opened and listed, and a bad one is refused as DIRECTORY_INVALID.
 */
export async function testConnection(conn: StoredConnection, signal?: AbortSignal): Promise<TestInstanceConnectionResult> {
  if (conn.kind === 'REGISTRY') return diagnoseRegistry(conn, { signal })
  const source = await openConnection(conn)
  try {
    const count = (await source.listRepositories({ signal })).length
    return { ok: true, message: `Directory readable; ${count} ${count === 1 ? 'repository' : 'repositories'} found.`, repositoryCount: count, checks: [] }
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
