import { queryOptions, useQuery } from '@tanstack/react-query'
import { callOperation, type CallOptions } from '@/api/client'
import { authKeys } from './keys'

export function getSession(options?: CallOptions) {
  return callOperation('getSession', {}, options)
}

/** Who the browser is signed in as; the client keeps the CSRF token it carries. */
export function sessionOptions() {
  return queryOptions({
    queryKey: authKeys.session(),
    queryFn: ({ signal }) => getSession({ signal }),
    staleTime: 60_000,
    refetchOnWindowFocus: true,
  })
}

export function useSession() {
  return useQuery(sessionOptions())
}
