import { useMutation, useQueryClient } from '@tanstack/react-query'
import { callOperation } from '@/api/client'
import { toast } from '@/lib/toast'
import { tokenKeys } from './keys'

export function revokeApiToken(tokenId: string) {
  return callOperation('revokeApiToken', { tokenId })
}

/** Revokes a token; the confirm dialog shows a failure in place. */
export function useRevokeApiToken() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: revokeApiToken,
    onSuccess: async (token) => {
      toast.success(`Revoked ${token.name}`, 'Scripts using it and sessions signed in with it stop working now.')
      await queryClient.invalidateQueries({ queryKey: tokenKeys.lists() })
    },
  })
}
