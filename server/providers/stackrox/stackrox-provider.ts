import type { ImageReport } from '@contract/findings'
import type { TestInstanceConnectionResult } from '@contract/instances'
import { AcquireError } from '../../engine/acquire/errors'
import { parseReference } from '../../engine/acquire/reference'
import { ApiError } from '../../errors'
import { stableId } from '../../ids'
import { writeIndexedRepository, type IndexedTag } from '../local/sync'
import type { ConnectionOf, InstanceProvider, ScanTarget, SyncContext, SyncResult } from '../provider'
import { removeRepositoriesExcept } from '../remove-repositories'
import { failedTest } from '../upstream-error'
import { StackroxClient, type DEFAULT_STACKROX_CLIENT_TIMING } from './stackrox-client'
import { listImagesAnswer, storageImage, type ListImage } from './storage-image'
import { storageImageToReport } from './storage-image-to-report'

type StackroxConnection = ConnectionOf<'STACKROX'>

const LIST_PAGE = 500

export interface StackroxProviderOptions {
  timing?: Partial<typeof DEFAULT_STACKROX_CLIENT_TIMING>
}

/**
 * StackRox / Red Hat Advanced Cluster Security Central. The index holds the images
 * Central knows (GET /v1/images, each read with GET /v1/images/{id}); a scan is
 * POST /v1/images/scan of the exact digest, and its StorageImage becomes our report.
 * Central has no baseline checks or malicious-file scan, so those are refused up front.
 */
export class StackroxProvider implements InstanceProvider<'STACKROX'> {
  readonly name = 'stackrox' as const
  readonly unsupported: Readonly<Record<string, string>> = {
    listScanBaselineByTask: 'StackRox Central does not check images for baseline (configuration) risks.',
    listScanMaliciousFileByTask: 'StackRox Central does not scan images for malicious files.',
  }
  readonly scan = { where: 'upstream' as const, run: (conn: StackroxConnection, target: ScanTarget, signal: AbortSignal) => this.runScan(conn, target, signal) }

  constructor(private readonly opts: StackroxProviderOptions = {}) {}

  assertScanSupported(input: { scanService: string; scanType: string }): void {
    if (input.scanService === 'SAS_SCAN_SERVICE') {
      throw new ApiError('OPERATION_NOT_SUPPORTED', 'StackRox instances scan for vulnerabilities only (ACR_SCAN_SERVICE): Central has no baseline checks or malicious-file scan.')
    }
    if (input.scanType === 'SBOM') throw new ApiError('OPERATION_NOT_SUPPORTED', 'StackRox instances cannot run SBOM scans: Central scans for vulnerabilities.')
  }

  client(conn: StackroxConnection): StackroxClient {
    return new StackroxClient({ endpoint: conn.endpoint, apiToken: conn.apiToken, insecureTls: conn.insecureTls, ...this.opts.timing })
  }

  async testConnection(conn: StackroxConnection, signal?: AbortSignal): Promise<TestInstanceConnectionResult> {
    try {
      // Listing one image proves the URL is a Central, the token is valid and may read images.
      await this.client(conn).call('GET', '/v1/images?pagination.limit=1', listImagesAnswer, { what: 'listing images', signal })
      return { ok: true, message: `StackRox Central at ${new URL(conn.endpoint).host} answered and the API token may read images.`, repositoryCount: null, checks: [] }
    } catch (err) {
      return failedTest(err)
    }
  }

  async syncIndex(conn: StackroxConnection, ctx: SyncContext): Promise<SyncResult> {
    const client = this.client(conn)
    const result: SyncResult = { repositories: 0, tags: 0, skipped: [] }
    const listed: ListImage[] = []
    for (let offset = 0; ; offset += LIST_PAGE) {
      const page = await client.call('GET', `/v1/images?pagination.limit=${LIST_PAGE}&pagination.offset=${offset}`, listImagesAnswer, { what: 'listing images', signal: ctx.signal })
      listed.push(...page.images)
      if (page.images.length < LIST_PAGE) break
    }
    const byRepo = new Map<string, Map<string, { image: ListImage; at: number }>>()
    for (const image of listed) {
      const name = indexedName(image.name)
      if (!name?.tag) {
        const reason = name ? 'Central knows this image by digest only; the index lists tags.' : 'Central names this image in a form that is not an image reference.'
        result.skipped.push({ repository: name?.repository ?? image.name, tag: '', reason })
        continue
      }
      const tags = byRepo.get(name.repository) ?? new Map<string, { image: ListImage; at: number }>()
      byRepo.set(name.repository, tags)
      // Central keeps every digest a tag has had; the tag is the one seen last.
      const at = Date.parse(image.lastUpdated ?? '') || 0
      const prev = tags.get(name.tag)
      if (!prev || at > prev.at) tags.set(name.tag, { image, at })
    }
    const seen: string[] = []
    for (const [repository, tags] of byRepo) {
      ctx.signal?.throwIfAborted()
      const indexed: IndexedTag[] = []
      for (const [tag, { image }] of tags) {
        const detail = await client.call('GET', `/v1/images/${encodeURIComponent(image.id)}`, storageImage, { what: `reading image ${image.name}`, signal: ctx.signal })
        const created = detail.metadata?.v1?.created ?? image.created
        indexed.push({
          tag,
          digest: image.id,
          mediaType: '',
          size: 0,
          platforms: [],
          layerCount: detail.metadata?.layerShas.length ?? 0,
          createdAt: created ? new Date(created) : null,
        })
      }
      const repoId = stableId('crr', ctx.instanceId, repository)
      seen.push(repoId)
      await writeIndexedRepository(ctx.db, ctx.instanceId, repoId, repository, indexed)
      result.repositories++
      result.tags += indexed.length
    }
    await removeRepositoriesExcept(ctx.db, ctx.instanceId, seen)
    return result
  }

  private async runScan(conn: StackroxConnection, target: ScanTarget, signal: AbortSignal): Promise<ImageReport> {
    const started = Date.now()
    // By digest, so the report is of the image the task was queued for even if the tag moved.
    const imageName = `${target.repository}@${target.digest}`
    const image = await this.client(conn).call('POST', '/v1/images/scan', storageImage, {
      what: `scanning ${target.repository}:${target.tag}`,
      body: { imageName, force: true, includeSnoozed: true, cluster: conn.cluster ?? '' },
      signal,
    })
    return storageImageToReport(image, { repository: target.repository, reference: target.tag, scannedAt: Date.now(), durationMs: Date.now() - started })
  }
}

/**
 * A Central image name (`registry/remote:tag` or `…@sha256:…`) as the index keeps it: the
 * repository path with its registry host (`quay.example.com/team/api`), and the tag.
 * Parsed by the engine's reference grammar; null when it is not a reference.
 *
 * @example
 * indexedName('docker.io/library/nginx:1.25') // { repository: 'docker.io/library/nginx', tag: '1.25' }
 */
export function indexedName(fullName: string): { repository: string; tag: string | null } | null {
  try {
    // No default registry or tag: a name Central gives without them is kept as given.
    const ref = parseReference(fullName, { defaultRegistry: '', defaultTag: false })
    return { repository: ref.registry ? `${ref.registry}/${ref.repository}` : ref.repository, tag: ref.tag ?? null }
  } catch (err) {
    if (err instanceof AcquireError) return null
    throw err
  }
}
