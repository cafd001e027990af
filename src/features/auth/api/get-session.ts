import { useQuery } from '@tanstack/react-query'
import { sessionOptions } from '@/api/session'

export function useSession() {
  return useQuery(sessionOptions())
}
