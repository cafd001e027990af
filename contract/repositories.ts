import { z } from 'zod'
import { epochMs, instanceId, optionalParam, pageOf, pageQuery, repoId, searchText, sortOrder } from './common'
import type { ScanService, ScanStatus, SeverityCounts } from './scans'

export const namespace = z
  .object({
    instanceId,
    namespaceName: z.string(),
    repoCount: z.number().int(),
    tagCount: z.number().int(),
    lastPushTime: epochMs.nullable(),
  })
  .meta({ id: 'Namespace' })
export type Namespace = z.infer<typeof namespace>

export const listNamespaceQuery = pageQuery.extend({
  instanceId,
  namespaceName: searchText.meta({ description: 'Case-insensitive substring of the namespace name.' }),
})

export const repository = z
  .object({
    repoId,
    instanceId,
    repoNamespaceName: z.string(),
    repoName: z.string(),
    /** The path the registry knows the repository by (namespace/name, or a single segment). */
    fullName: z.string(),
    repoStatus: z.literal('NORMAL'),
    tagCount: z.number().int(),
    lastPushTime: epochMs.nullable(),
    createTime: epochMs,
    modifiedTime: epochMs,
  })
  .meta({ id: 'Repository' })
export type Repository = z.infer<typeof repository>

export const repositorySortBy = z.enum(['repoName', 'tagCount', 'lastPushTime'])
export type RepositorySortBy = z.infer<typeof repositorySortBy>

export const listRepositoryQuery = pageQuery.extend({
  instanceId,
  repoNamespaceName: optionalParam(z.string().max(256)).meta({ description: 'Only repositories in this namespace.' }),
  repoName: searchText.meta({ description: 'Case-insensitive substring of namespace/name.' }),
  sortBy: optionalParam(repositorySortBy).meta({ description: 'Default repoName.' }),
  sortOrder: optionalParam(sortOrder),
})

export const getRepositoryQuery = z
  .object({
    instanceId,
    repoId: optionalParam(repoId),
    repoNamespaceName: optionalParam(z.string().max(256)),
    repoName: optionalParam(z.string().max(256)),
  })
  .refine((q) => q.repoId || (q.repoNamespaceName !== undefined && q.repoName), {
    message: 'give repoId, or repoNamespaceName and repoName',
    path: ['repoId'],
  })

export const platform = z.string().meta({ example: 'linux/amd64' })

/*
 * The tag list's scan column. scans.ts imports tagName from this module, so importing its
 * schemas back would be a cycle that breaks at load time; the enums are restated here and
 * the assertions below fail the typecheck if the two ever differ.
 */
const lastScanStatus = z.enum(['QUEUED', 'SCANNING', 'COMPLETE', 'FAILED', 'RETRYING'])
const lastScanService = z.enum(['ACR_SCAN_SERVICE', 'SAS_SCAN_SERVICE'])
const lastScanCounts = z.object({
  totalSeverity: z.number().int().min(0),
  criticalSeverity: z.number().int().min(0),
  highSeverity: z.number().int().min(0),
  mediumSeverity: z.number().int().min(0),
  lowSeverity: z.number().int().min(0),
  unknownSeverity: z.number().int().min(0),
  fixableCount: z.number().int().min(0),
})
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const _sameStatus: Same<z.infer<typeof lastScanStatus>, ScanStatus> = true
const _sameService: Same<z.infer<typeof lastScanService>, ScanService> = true
const _sameCounts: Same<z.infer<typeof lastScanCounts>, SeverityCounts> = true

export const repoTagLastScan = z
  .object({
    scanTaskId: z.string(),
    status: lastScanStatus,
    scanService: lastScanService,
    /** When the task became COMPLETE or FAILED; null while it runs. */
    finishedAt: epochMs.nullable(),
    /** Vulnerability counts once COMPLETE, else null. */
    counts: lastScanCounts.nullable(),
  })
  .meta({
    id: 'RepoTagLastScan',
    description: 'Extension (not in ACR): the newest scan task of the image the tag points to now, whatever its status.',
  })
export type RepoTagLastScan = z.infer<typeof repoTagLastScan>

export const repoTag = z
  .object({
    instanceId,
    repoId,
    tag: z.string(),
    /** Digest of what the tag points to (an image manifest or a multi-platform index). */
    digest: z.string().meta({ example: 'sha256:815386ebbe9a3490f38785ab11bda34ec8dacf4634af77b8912832d4f85dca04' }),
    mediaType: z.string(),
    /** Compressed size of the default platform's image (config + layers), bytes. */
    imageSize: z.number().int(),
    platforms: z.array(platform),
    layerCount: z.number().int(),
    /** When the image was built, from its config; null when the config does not say. */
    imageCreate: epochMs.nullable(),
    /**
     * When the tag got its current digest: from a push notification when one arrived,
     * otherwise the first time the server's index saw this digest under this tag.
     */
    pushTime: epochMs,
    status: z.literal('NORMAL'),
    /** Absent when the tag's current digest was never scanned. */
    lastScan: repoTagLastScan.optional(),
  })
  .meta({ id: 'RepoTag' })
export type RepoTag = z.infer<typeof repoTag>

export const repoTagSortBy = z.enum(['tag', 'pushTime', 'imageSize', 'imageCreate'])
export type RepoTagSortBy = z.infer<typeof repoTagSortBy>

export const listRepoTagQuery = pageQuery.extend({
  instanceId,
  repoId,
  tag: searchText.meta({ description: 'Case-insensitive substring of the tag.' }),
  sortBy: optionalParam(repoTagSortBy).meta({ description: 'Default pushTime.' }),
  sortOrder: optionalParam(sortOrder),
})

/** A tag as registries allow it (OCI distribution spec): 1–128 characters, no leading dot or dash. */
export const tagName = z
  .string()
  .min(1, 'is required')
  .max(128, 'must be at most 128 characters')
  .regex(/^[A-Za-z0-9_][A-Za-z0-9._-]*$/, 'must be a tag: letters, digits, dots, dashes and underscores, not starting with a dot or dash')
  .meta({ example: '1.0.0' })

export const getRepoTagQuery = z.object({
  instanceId,
  repoId,
  tag: tagName.meta({ description: 'The exact tag (case-sensitive).' }),
})

export const namespacePage = pageOf(namespace)
export const repositoryPage = pageOf(repository)
export const repoTagPage = pageOf(repoTag)
