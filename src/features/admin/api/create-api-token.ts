import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { CreateApiTokenBody } from '@contract/auth'
import { callOperation } from '@/api/client'
import { tokenKeys } from './keys'

export function createApiToken(body: CreateApiTokenBody) {
  return callOperation('createApiToken', body)
}

/** Creates a token; the dialog shows its secret once, and a failure in place (no toast). */
export function useCreateApiToken() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: createApiToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenKeys.lists() }),
  })
}
