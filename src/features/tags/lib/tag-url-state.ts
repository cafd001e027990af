import { listRepoTagQuery } from '@contract/repositories'

/** The tags list's URL state: the contract's query minus the ids in the path. */
export const tagUrlSchema = listRepoTagQuery.omit({ instanceId: true, repoId: true })

/** Newest push first, as the server sorts when asked for nothing; the URL leaves it out. */
export const tagUrlDefaults = { sortBy: 'pushTime', sortOrder: 'desc' } as const

/** The tag page's path; tags may hold characters that need escaping in a path segment. */
export function tagPath(instanceId: string, repoId: string, tag: string): string {
  return `/instances/${instanceId}/repositories/${repoId}/tags/${encodeURIComponent(tag)}`
}
