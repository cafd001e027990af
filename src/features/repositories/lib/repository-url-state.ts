import { listRepositoryQuery } from '@contract/repositories'

/** The repositories list's URL state: the contract's query minus the instance (it is in the path). */
export const repositoryUrlSchema = listRepositoryQuery.omit({ instanceId: true })

/** The server sorts by name ascending when no sort is given; the URL leaves that out too. */
export const repositoryUrlDefaults = { sortBy: 'repoName', sortOrder: 'asc' } as const

/** The namespace picker loads this many namespaces at once (the contract's largest page). */
export const NAMESPACE_PAGE_SIZE = 100
