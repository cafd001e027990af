import type { Db } from '../db/database'

/** After a sync: repositories the upstream no longer lists leave the index (their tags cascade). */
export async function removeRepositoriesExcept(db: Db, instanceId: string, keepRepoIds: readonly string[]): Promise<void> {
  let gone = db.deleteFrom('repositories').where('instance_id', '=', instanceId)
  if (keepRepoIds.length) gone = gone.where('id', 'not in', [...keepRepoIds])
  await gone.execute()
}
