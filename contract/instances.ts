import { z } from 'zod'
import { epochMs, instanceId, optionalParam, pageOf, pageQuery, searchText } from './common'

/**
 * An instance is one registry connection. The local provider knows two kinds: an OCI
 * distribution registry reached over HTTP(S), and a directory of OCI image layouts and
 * `docker save` archives on the server's disk.
 */
export const instanceKind = z.enum(['REGISTRY', 'DIRECTORY'])
export type InstanceKind = z.infer<typeof instanceKind>

/** How far the server's index of the instance's repositories and tags is. */
export const syncStatus = z.enum(['PENDING', 'SYNCING', 'READY', 'FAILED'])
export type SyncStatus = z.infer<typeof syncStatus>

export const instance = z
  .object({
    instanceId,
    instanceName: z.string(),
    provider: z.literal('local'),
    kind: instanceKind,
    /** Registry URL, or the directory path for DIRECTORY instances. */
    endpoint: z.string(),
    username: z.string().nullable().meta({ description: 'Registry user name; the password is never returned.' }),
    hasPassword: z.boolean(),
    insecureTls: z.boolean(),
    syncStatus,
    syncError: z.string().nullable(),
    lastSyncTime: epochMs.nullable(),
    namespaceCount: z.number().int(),
    repoCount: z.number().int(),
    tagCount: z.number().int(),
    createTime: epochMs,
    modifiedTime: epochMs,
  })
  .meta({ id: 'Instance' })
export type Instance = z.infer<typeof instance>

const instanceName = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]*$/, 'may use letters, digits, spaces, dots, dashes and underscores')

const registryUrl = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(2048)
  .refine((v) => {
    try {
      const u = new URL(v)
      return (u.protocol === 'http:' || u.protocol === 'https:') && !u.username && !u.password && !u.search && !u.hash
    } catch {
      return false
    }
  }, 'must be an http:// or https:// URL without credentials, query or fragment')

export const registryConnection = z.object({
  kind: z.literal('REGISTRY'),
  url: registryUrl,
  username: optionalParam(z.string().max(256)),
  password: optionalParam(z.string().max(4096)),
  insecureTls: z.boolean().default(false),
})
export const directoryConnection = z.object({
  kind: z.literal('DIRECTORY'),
  path: z.string().trim().min(1, 'is required').max(4096),
})
export const instanceConnection = z.discriminatedUnion('kind', [registryConnection, directoryConnection])
export type InstanceConnection = z.infer<typeof instanceConnection>

export const createInstanceBody = z
  .discriminatedUnion('kind', [
    registryConnection.extend({ instanceName }),
    directoryConnection.extend({ instanceName }),
  ])
  .meta({ id: 'CreateInstanceRequest' })
export type CreateInstanceBody = z.infer<typeof createInstanceBody>

export const testInstanceConnectionResult = z.object({
  ok: z.literal(true),
  message: z.string(),
  repositoryCount: z.number().int().nullable(),
})

export const listInstanceQuery = pageQuery.extend({
  instanceName: searchText.meta({ description: 'Case-insensitive substring of the instance name.' }),
})
export const instanceIdQuery = z.object({ instanceId })
export const instanceIdBody = z.object({ instanceId })

export const instancePage = pageOf(instance)
