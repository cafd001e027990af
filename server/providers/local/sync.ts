import type { Platform, ResolvedImage } from '../../engine/acquire/image-source'
import type { Db } from '../../db/database'
import { stableId } from '../../ids'
import type { Logger } from '../../log'
import { openConnection, type StoredConnection } from './connection'
import { splitRepoPath } from './repo-path'

export interface SyncResult {
  repositories: number
  tags: number
  /** Tags that could not be read (unsupported manifest, vanished mid-sync, …). */
  skipped: { repository: string; tag: string; reason: string }[]
}

const TAG_CONCURRENCY = 4

/**
 * Rebuilds the server's index of one instance from its source: every repository and
 * tag with digest, size and platforms. Browsing then pages, searches and sorts in SQL
 * instead of asking the registry on every click. A tag keeps its pushTime while its
 * digest is unchanged; a new digest means a push happened since the last look.
 */
export async function syncInstanceIndex(db: Db, instanceId: string, conn: StoredConnection, log: Logger, signal?: AbortSignal): Promise<SyncResult> {
  const source = await openConnection(conn)
  const result: SyncResult = { repositories: 0, tags: 0, skipped: [] }
  try {
    const repoNames = await source.listRepositories({ signal })
    const seenRepoIds: string[] = []
    for (const fullName of repoNames) {
      signal?.throwIfAborted()
      const tags = await source.listTags(fullName, { signal })
      const resolved: { tag: string; image: ResolvedImage }[] = []
      await forEachLimited(tags, TAG_CONCURRENCY, async (tag) => {
        try {
          resolved.push({ tag, image: await source.resolve(fullName, tag, { signal }) })
        } catch (err) {
          if (signal?.aborted) throw err
          const reason = err instanceof Error ? err.message : String(err)
          result.skipped.push({ repository: fullName, tag, reason })
          log.warn('tag skipped during sync', { instanceId, repository: fullName, tag, reason })
        }
      })
      const repoId = stableId('crr', instanceId, fullName)
      seenRepoIds.push(repoId)
      await writeIndexedRepository(db, instanceId, repoId, fullName, resolved.map(({ tag, image }) => indexedTag(tag, image)))
      result.repositories++
      result.tags += resolved.length
    }
    // Repositories that disappeared from the source leave the index (their tags cascade).
    let gone = db.deleteFrom('repositories').where('instance_id', '=', instanceId)
    if (seenRepoIds.length) gone = gone.where('id', 'not in', seenRepoIds)
    await gone.execute()
    return result
  } finally {
    await source.close().catch(() => undefined)
  }
}

/** One tag as the index keeps it, whatever provider read it. */
export interface IndexedTag {
  tag: string
  digest: string
  mediaType: string
  size: number
  platforms: string[]
  layerCount: number
  createdAt: Date | null
  /**
   * When the upstream says the tag was last pushed. Without it, a tag keeps its push time
   * while its digest is unchanged and a new digest counts as pushed now.
   */
  pushedAt?: Date | undefined
}

function indexedTag(tag: string, image: ResolvedImage): IndexedTag {
  const created = image.config.created ? new Date(image.config.created) : null
  return {
    tag,
    digest: image.digest,
    mediaType: image.mediaType,
    size: image.size,
    platforms: image.platforms.map(formatPlatform),
    layerCount: image.layers.length,
    createdAt: created && !Number.isNaN(created.getTime()) ? created : null,
  }
}

/** Writes one repository and its tags to the index; tags no longer listed leave it. */
export async function writeIndexedRepository(db: Db, instanceId: string, repoId: string, fullName: string, resolved: IndexedTag[]) {
  const now = new Date()
  const { namespace, name } = splitRepoPath(fullName)
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('repositories')
      .values({ id: repoId, instance_id: instanceId, namespace, name, full_name: fullName, last_push_at: null, created_at: now, modified_at: now })
      .onConflict((oc) => oc.column('id').doUpdateSet({ modified_at: now }))
      .execute()
    const existing = await trx.selectFrom('tags').select(['tag', 'digest', 'push_time']).where('repo_id', '=', repoId).execute()
    const byTag = new Map(existing.map((t) => [t.tag, t]))
    for (const image of resolved) {
      const { tag } = image
      const prev = byTag.get(tag)
      const pushTime = image.pushedAt ?? (prev && prev.digest === image.digest ? new Date(prev.push_time) : now)
      const row = {
        digest: image.digest,
        media_type: image.mediaType,
        image_size: image.size,
        platforms: JSON.stringify(image.platforms),
        layer_count: image.layerCount,
        image_created_at: image.createdAt,
        push_time: pushTime,
        synced_at: now,
      }
      await trx
        .insertInto('tags')
        .values({ repo_id: repoId, instance_id: instanceId, tag, ...row })
        .onConflict((oc) => oc.columns(['repo_id', 'tag']).doUpdateSet(row))
        .execute()
    }
    const keep = resolved.map((r) => r.tag)
    let stale = trx.deleteFrom('tags').where('repo_id', '=', repoId)
    if (keep.length) stale = stale.where('tag', 'not in', keep)
    await stale.execute()
    const last = await trx.selectFrom('tags').select((eb) => eb.fn.max('push_time').as('m')).where('repo_id', '=', repoId).executeTakeFirst()
    await trx.updateTable('repositories').set({ last_push_at: last?.m ?? null }).where('id', '=', repoId).execute()
  })
}

export function formatPlatform(p: Platform): string {
  return [p.os, p.architecture, p.variant].filter(Boolean).join('/')
}

async function forEachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T
      await fn(item)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}
