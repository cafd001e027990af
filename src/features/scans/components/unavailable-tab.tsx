import { EmptyState } from '@/components/ui/empty-state'

export interface UnavailableTabProps {
  title: string
  /** Why this kind of scan has nothing for the tab (see unavailableReason). */
  reason: string
}

/**
 * A tab with nothing to show for this kind of scan: said calmly, as information, since
 * nothing failed and retrying cannot change it. A status, so the reason is announced.
 */
export function UnavailableTab({ title, reason }: UnavailableTabProps) {
  return (
    <div role="status" className="rounded-lg border border-line bg-surface">
      <EmptyState title={title} description={reason} />
    </div>
  )
}
