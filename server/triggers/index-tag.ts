import type { Db } from '../db/database'
import { AcquireError } from '../engine/acquire/errors'
import { stableId } from '../ids'
import { getInstanceConnection } from '../instances/instance-store'
import { openConnection, toApiError } from '../providers/local/connection'
import { splitRepoPath } from '../providers/local/repo-path'
import { formatPlatform } from '../providers/local/sync'

export type IndexedTag =
  | { status: 'indexed'; repoId: string; namespace: string; repoName: string; tag: string; digest: string; moved: boolean }
  /** The registry no longer has the tag (deleted, or pushed over with a tag that is gone again). */
  | { status: 'gone' }

/**
 * Brings one tag of the index up to date, as a full sync would (same repository id, same
 * columns; pushTime moves only when the digest did), without listing the whole registry:
 * what a push notification needs. Given the pushed digest, the image is read by it: the
 * distribution registry notifies a manifest push before it links the tag to it, so
 * reading by tag at once can miss (or find the tag's previous image). Errors other than
 * "not found" propagate, so the caller can let the registry deliver again later.
 */
export async function indexTag(db: Db, instanceId: string, fullName: string, tag: string, opts: { digest?: string | null; signal?: AbortSignal } = {}): Promise<IndexedTag> {
  const conn = await getInstanceConnection(db, instanceId)
  const source = await openConnection(conn)
  let image
  try {
    image = await source.resolve(fullName, opts.digest ?? tag, opts.signal ? { signal: opts.signal } : {})
  } catch (err) {
    if (err instanceof AcquireError && err.code === 'NOT_FOUND') return { status: 'gone' }
    throw toApiError(err, conn)
  } finally {
    await source.close().catch(() => undefined)
  }
  const now = new Date()
  const { namespace, name } = splitRepoPath(fullName)
  const repoId = stableId('crr', instanceId, fullName)
  const created = image.config.created ? new Date(image.config.created) : null
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('repositories')
      .values({ id: repoId, instance_id: instanceId, namespace, name, full_name: fullName, last_push_at: now, created_at: now, modified_at: now })
      .onConflict((oc) => oc.column('id').doUpdateSet({ modified_at: now }))
      .execute()
    const prev = await trx.selectFrom('tags').select(['digest', 'push_time']).where('repo_id', '=', repoId).where('tag', '=', tag).forUpdate().executeTakeFirst()
    const moved = prev?.digest !== image.digest
    const row = {
      digest: image.digest,
      media_type: image.mediaType,
      image_size: image.size,
      platforms: JSON.stringify(image.platforms.map(formatPlatform)),
      layer_count: image.layers.length,
      image_created_at: created && !Number.isNaN(created.getTime()) ? created : null,
      push_time: moved || !prev ? now : new Date(prev.push_time),
      synced_at: now,
    }
    await trx
      .insertInto('tags')
      .values({ repo_id: repoId, instance_id: instanceId, tag, ...row })
      .onConflict((oc) => oc.columns(['repo_id', 'tag']).doUpdateSet(row))
      .execute()
    if (moved) await trx.updateTable('repositories').set({ last_push_at: now }).where('id', '=', repoId).execute()
    return { status: 'indexed' as const, repoId, namespace, repoName: name, tag, digest: image.digest, moved }
  })
}
