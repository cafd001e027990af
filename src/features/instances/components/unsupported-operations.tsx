import type { UnsupportedOperation } from '@contract/instances'
import { plural } from '@/lib/format'

export interface UnsupportedOperationsProps {
  operations: readonly UnsupportedOperation[]
}

/**
 * What this instance's provider cannot do, with the reason for each, so a missing tab or
 * button is explained up front rather than discovered as a failure.
 */
export function UnsupportedOperations({ operations }: UnsupportedOperationsProps) {
  if (!operations.length) return null
  return (
    <details className="border-line text-fg-muted rounded-md border px-3 py-2 text-xs">
      <summary className="text-fg cursor-pointer">
        {operations.length} {plural(operations.length, 'operation', 'operations')} not available for this
        provider
      </summary>
      <ul className="mt-2 flex flex-col gap-1">
        {operations.map((op) => (
          <li key={op.operation}>
            <code className="text-fg">{op.operation}</code>: {op.reason}
          </li>
        ))}
      </ul>
    </details>
  )
}
