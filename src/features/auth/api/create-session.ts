import { useMutation, useQueryClient } from '@tanstack/react-query'
import { callOperation } from '@/api/client'
import { authKeys } from './keys'

/**
 * Exchanges the token for a session, then asks who we are: the cookie is Secure-only, and
 * a browser on plain http (other than localhost) drops it without a word — say so instead
 * of showing the sign-in card again.
 */
export async function createSession(token: string) {
  await callOperation('createSession', { token })
  const session = await callOperation('getSession', {})
  if (!session.principal) {
    throw new Error('The server accepted the token, but the browser did not keep the session cookie, which is sent over HTTPS only. Open Layerscope over HTTPS (or on localhost).')
  }
  return session
}

/**
 * Signs in with an API token. Everything cached belonged to nobody (or someone else), so
 * it is all dropped; the sign-in form shows a failure in place, so no error toast.
 */
export function useSignIn() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: createSession,
    onSuccess: (session) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== authKeys.all[0] })
      queryClient.setQueryData(authKeys.session(), session)
    },
  })
}
