import type { ReactNode } from 'react'
import { cn } from '@/lib/cn'

export interface DetailItem {
  term: string
  value: ReactNode
}

export interface DetailListProps {
  items: DetailItem[]
  className?: string
}

/** Label/value pairs as a description list, two columns on wide screens. */
export function DetailList({ items, className }: DetailListProps) {
  return (
    <dl className={cn('grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]', className)}>
      {items.map((item) => (
        <div key={item.term} className="contents">
          <dt className="text-xs font-medium text-fg-muted sm:pt-0.5">{item.term}</dt>
          <dd className="min-w-0 text-sm break-words text-fg">{item.value}</dd>
        </div>
      ))}
    </dl>
  )
}
