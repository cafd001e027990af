import { QueryClient } from '@tanstack/react-query'
import { isApiError, isNotSupportedError } from '@/api/api-error'

/**
 * Retry what may pass next time (network, 5xx) at most twice; never retry what the
 * server refused (4xx), what the instance's provider cannot do (501 OPERATION_NOT_SUPPORTED,
 * shown at once as "not available") or an answer that breaks the contract.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isNotSupportedError(error)) return false
  if (isApiError(error) && (error.isClientError || error.code === 'RESPONSE_INVALID')) return false
  return failureCount < 2
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        gcTime: 5 * 60_000,
        retry: shouldRetry,
      },
      mutations: { retry: false },
    },
  })
}
