import { useMutation } from '@tanstack/react-query'
import type { z } from 'zod'
import type { instanceConnection } from '@contract/instances'
import { callOperation } from '@/api/client'

export type InstanceConnectionInput = z.input<typeof instanceConnection>

export function testInstanceConnection(connection: InstanceConnectionInput) {
  return callOperation('testInstanceConnection', connection)
}

/** Checks a connection without saving it; the result is shown next to the form. */
export function useTestInstanceConnection() {
  return useMutation({ mutationFn: testInstanceConnection })
}
