import type { ImageReport } from '@contract/findings'
import type { TestInstanceConnectionResult } from '@contract/instances'
import { ApiError } from '../../errors'
import { stableId } from '../../ids'
import { writeIndexedRepository } from '../local/sync'
import type { ConnectionOf, InstanceProvider, ScanTarget, SyncContext, SyncResult } from '../provider'
import { removeRepositoriesExcept } from '../remove-repositories'
import { failedTest, UpstreamError } from '../upstream-error'
import { AcrClient, type DEFAULT_ACR_CLIENT_TIMING } from './acr-client'
import {
  acrOkAnswer,
  getInstanceAnswer,
  getRepositoryAnswer,
  getRepoTagScanStatusAnswer,
  listRepositoryAnswer,
  listRepoTagAnswer,
  listRepoTagScanResultAnswer,
  listScanBaselineByTaskAnswer,
  listScanMaliciousFileByTaskAnswer,
  type AcrImage,
} from './acr-schemas'
import { acrToReport, normalizeDigest } from './acr-to-report'
import { acrPages } from './acr-pages'
import { AcrScanRules } from './acr-scan-rules'

type AcrConnection = ConnectionOf<'ACR'>

export interface AcrProviderOptions {
  /** ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET, for instances that store no AccessKey. */
  envAccessKey: { id: string; secret: string } | null
  timing?: Partial<typeof DEFAULT_ACR_CLIENT_TIMING>
  /** How often a running upstream scan is polled, and how long it may take before the attempt gives up. */
  scanPollMs?: number
  scanTimeoutMs?: number
}

/**
 * Alibaba Cloud ACR Enterprise Edition through its OpenAPI. Browsing indexes the
 * instance's repositories and tags (ListRepository, ListRepoTag); a scan asks ACR to scan
 * (CreateRepoTagScanTask), polls GetRepoTagScanStatus and copies the results
 * (ListRepoTagScanResult, and for the Security Center engine ListScanBaselineByTask and
 * ListScanMaliciousFileByTask) into our report.
 */
export class AcrProvider implements InstanceProvider<'ACR'> {
  readonly name = 'acr' as const
  readonly unsupported: Readonly<Record<string, string>> = {
    previewScanRule: 'ACR keeps the scan rules of ACR instances and has no operation that previews which tags a rule would match.',
  }
  readonly scan = { where: 'upstream' as const, run: (conn: AcrConnection, target: ScanTarget, signal: AbortSignal) => this.runScan(conn, target, signal) }
  /** Scan rules of ACR instances live in ACR (CreateScanRule …), which runs their AUTO scans itself. */
  readonly rules = new AcrScanRules((conn) => this.client(conn))
  private readonly pollMs: number
  private readonly scanTimeoutMs: number

  constructor(private readonly opts: AcrProviderOptions) {
    this.pollMs = opts.scanPollMs ?? 5_000
    this.scanTimeoutMs = opts.scanTimeoutMs ?? 30 * 60_000
  }

  assertScanSupported(input: { scanType: string }): void {
    if (input.scanType === 'SBOM') {
      throw new ApiError('OPERATION_NOT_SUPPORTED', 'ACR instances cannot run SBOM scans here: ACR documents no values for the ScanType of CreateRepoTagScanTask, so only vulnerability (VUL) scans are requested.')
    }
  }

  client(conn: AcrConnection): AcrClient {
    const accessKey = conn.accessKey ?? this.opts.envAccessKey
    if (!accessKey) {
      throw new UpstreamError(
        'REGISTRY_AUTH_FAILED',
        'auth',
        'No AccessKey: the instance stores none and the server has no ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET.',
        'Give the AccessKey ID and secret, or set those variables on the server.',
        'accessKeyId',
      )
    }
    return new AcrClient({ endpoint: conn.endpoint, accessKey, ...this.opts.timing })
  }

  async testConnection(conn: AcrConnection, signal?: AbortSignal): Promise<TestInstanceConnectionResult> {
    try {
      const client = this.client(conn)
      // GetInstance proves the key, the signature and that the instance is in this region.
      const inst = await client.call('GetInstance', { InstanceId: conn.acrInstanceId }, getInstanceAnswer, { what: 'reading the ACR instance', signal })
      const repos = await client.call('ListRepository', { InstanceId: conn.acrInstanceId, RepoStatus: 'NORMAL', PageNo: 1, PageSize: 1 }, listRepositoryAnswer, { what: 'listing repositories', signal })
      const count = repos.TotalCount ?? repos.Repositories.length
      const state = [inst.InstanceSpecification, inst.InstanceStatus].filter(Boolean).join(', ')
      return {
        ok: true,
        message: `ACR instance ${inst.InstanceName ?? conn.acrInstanceId}${state ? ` (${state})` : ''} in ${conn.regionId} answered; ${count} ${count === 1 ? 'repository' : 'repositories'} found.`,
        repositoryCount: count,
        checks: [],
      }
    } catch (err) {
      return failedTest(err)
    }
  }

  async syncIndex(conn: AcrConnection, ctx: SyncContext): Promise<SyncResult> {
    const client = this.client(conn)
    const result: SyncResult = { repositories: 0, tags: 0, skipped: [] }
    const seen: string[] = []
    const repos = await acrPages((PageNo, PageSize) =>
      client
        .call('ListRepository', { InstanceId: conn.acrInstanceId, RepoStatus: 'NORMAL', PageNo, PageSize }, listRepositoryAnswer, { what: 'listing repositories', signal: ctx.signal })
        .then((a) => ({ items: a.Repositories, total: a.TotalCount })),
    )
    for (const repo of repos) {
      ctx.signal?.throwIfAborted()
      const fullName = `${repo.RepoNamespaceName}/${repo.RepoName}`
      const images = await acrPages((PageNo, PageSize) =>
        client
          .call('ListRepoTag', { InstanceId: conn.acrInstanceId, RepoId: repo.RepoId, PageNo, PageSize }, listRepoTagAnswer, { what: `listing the tags of ${fullName}`, signal: ctx.signal })
          .then((a) => ({ items: a.Images, total: a.TotalCount })),
      )
      const repoId = stableId('crr', ctx.instanceId, fullName)
      seen.push(repoId)
      await writeIndexedRepository(ctx.db, ctx.instanceId, repoId, fullName, images.filter((i) => i.Status !== 'DELETING').map(indexedTag))
      result.repositories++
      result.tags += images.length
    }
    await removeRepositoriesExcept(ctx.db, ctx.instanceId, seen)
    return result
  }

  private async runScan(conn: AcrConnection, target: ScanTarget, signal: AbortSignal): Promise<ImageReport> {
    const started = Date.now()
    const client = this.client(conn)
    const slash = target.repository.indexOf('/')
    const repo = await client.call(
      'GetRepository',
      { InstanceId: conn.acrInstanceId, RepoNamespaceName: target.repository.slice(0, slash), RepoName: target.repository.slice(slash + 1) },
      getRepositoryAnswer,
      { what: `reading repository ${target.repository}`, signal },
    )
    const image = { InstanceId: conn.acrInstanceId, RepoId: repo.RepoId, Tag: target.tag, Digest: target.digest }
    const where = `${target.repository}:${target.tag}`
    await client.call('CreateRepoTagScanTask', { ...image, ScanService: target.scanService }, acrOkAnswer, { what: `starting the scan of ${where}`, signal })
    await this.waitForScan(client, image, where, signal)
    const vulnerabilities = await acrPages((PageNo, PageSize) =>
      client
        .call('ListRepoTagScanResult', { ...image, PageNo, PageSize }, listRepoTagScanResultAnswer, { what: `reading the scan results of ${where}`, signal })
        .then((a) => ({ items: a.Vulnerabilities, total: a.TotalCount })),
    )
    const sas = target.scanService === 'SAS_SCAN_SERVICE'
    const baselines = sas
      ? await acrPages((PageNo, PageSize) =>
          client
            .call('ListScanBaselineByTask', { ...image, PageNo, PageSize }, listScanBaselineByTaskAnswer, { what: `reading the baseline risks of ${where}`, method: 'GET', signal })
            .then((a) => ({ items: a.ScanBaselines, total: a.TotalCount })),
        )
      : null
    const maliciousFiles = sas
      ? await acrPages((PageNo, PageSize) =>
          client
            .call('ListScanMaliciousFileByTask', { ...image, PageNo, PageSize }, listScanMaliciousFileByTaskAnswer, { what: `reading the malicious files of ${where}`, method: 'GET', signal })
            .then((a) => ({ items: a.ScanMaliciousFiles, total: a.TotalCount })),
        )
      : null
    // ListRepoTag rather than GetRepoTag: compatible endpoints implement the list more often.
    const tags = await acrPages((PageNo, PageSize) =>
      client
        .call('ListRepoTag', { InstanceId: conn.acrInstanceId, RepoId: repo.RepoId, PageNo, PageSize }, listRepoTagAnswer, { what: `listing the tags of ${target.repository}`, signal })
        .then((a) => ({ items: a.Images, total: a.TotalCount })),
    )
    // The tag may have moved (or gone) since the task was queued; its size and dates then describe another image.
    const tag: AcrImage | undefined = tags.find((i) => i.Tag === target.tag)
    const sameImage = tag !== undefined && normalizeDigest(tag.Digest) === target.digest
    return acrToReport({
      repository: target.repository,
      tag: target.tag,
      digest: target.digest,
      image: sameImage ? (tag ?? null) : null,
      vulnerabilities,
      baselines,
      maliciousFiles,
      scannedAt: Date.now(),
      durationMs: Date.now() - started,
    })
  }

  /**
   * ACR answers no task id, so the tag's latest scan status is polled. SCANNING and
   * RETRYING keep waiting; an empty status (the request not picked up yet) too.
   */
  private async waitForScan(client: AcrClient, image: Record<string, string>, where: string, signal: AbortSignal): Promise<void> {
    const deadline = Date.now() + this.scanTimeoutMs
    for (;;) {
      const { Status } = await client.call('GetRepoTagScanStatus', image, getRepoTagScanStatusAnswer, { what: `reading the scan status of ${where}`, signal })
      if (Status === 'COMPLETE') return
      if (Status === 'FAILED') throw new ApiError('SCAN_FAILED', `ACR's scanner reported FAILED for ${where}; see the scan in the ACR console.`)
      if (Date.now() + this.pollMs > deadline) {
        // 502: retryable, so the task is attempted again later rather than failed for good.
        throw new ApiError('REGISTRY_ERROR', `ACR's scan of ${where} did not finish within ${Math.round(this.scanTimeoutMs / 1000)} s (last status ${Status || 'none'}).`)
      }
      await new Promise((resolve) => setTimeout(resolve, this.pollMs))
      signal.throwIfAborted()
    }
  }
}

function indexedTag(i: AcrImage) {
  return {
    tag: i.Tag,
    digest: normalizeDigest(i.Digest),
    // ListRepoTag reports neither media type, platforms nor layers.
    mediaType: '',
    size: Math.trunc(i.ImageSize ?? 0),
    platforms: [],
    layerCount: 0,
    createdAt: i.ImageCreate ? new Date(i.ImageCreate) : null,
    pushedAt: i.ImageUpdate ? new Date(i.ImageUpdate) : undefined,
  }
}
