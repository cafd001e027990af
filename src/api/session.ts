import { queryOptions } from '@tanstack/react-query'
import { callOperation, type CallOptions } from './client'

/** Query keys of the signed-in session, shared so any feature can read who is signed in. */
export const sessionKeys = {
  all: ['auth'] as const,
  session: () => [...sessionKeys.all, 'session'] as const,
}

export function getSession(options?: CallOptions) {
  return callOperation('getSession', {}, options)
}

/**
 * Who the browser is signed in as and which operations it may call; the client keeps the
 * CSRF token it carries.
 *
 * @example
 * const session = useQuery(sessionOptions())
 */
export function sessionOptions() {
  return queryOptions({
    queryKey: sessionKeys.session(),
    queryFn: ({ signal }) => getSession({ signal }),
    staleTime: 60_000,
    refetchOnWindowFocus: true,
  })
}
