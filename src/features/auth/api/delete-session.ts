import { useMutation, useQueryClient } from '@tanstack/react-query'
import { callOperation } from '@/api/client'
import { toast } from '@/lib/toast'
import { authKeys } from './keys'

export function deleteSession() {
  return callOperation('deleteSession', {})
}

/** Signs out and forgets every cached answer, so nothing of the session stays on screen. */
export function useSignOut() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: deleteSession,
    onSuccess: async () => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== authKeys.all[0] })
      toast.success('Signed out')
      // Refetched at once, so the page turns into the sign-in card where it stands.
      await queryClient.resetQueries({ queryKey: authKeys.session() })
    },
    onError: (error) => toast.error(`Could not sign out: ${error.message}`),
  })
}
