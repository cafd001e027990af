import { useId } from 'react'
import { cn } from '@/lib/cn'
import { ChevronLeftIcon, ChevronRightIcon } from './icons'
import { getPageItems, getRangeLabel } from './pagination-items'

export const PAGE_SIZES = [10, 30, 50, 100] as const

export interface PaginationProps {
  /** 1-based, as the contract counts. */
  pageNo: number
  pageSize: number
  totalCount: number
  onPageChange: (pageNo: number) => void
  onPageSizeChange: (pageSize: number) => void
  /** What is paged, for labels: "repositories". */
  itemLabel?: string
  className?: string
}

const pageButton =
  'inline-flex h-7 min-w-7 items-center justify-center rounded-md border px-1.5 text-xs font-medium tabular-nums disabled:cursor-not-allowed disabled:opacity-50'

/**
 * Page numbers, previous/next, a page-size select and "x–y of N". All native buttons and
 * a select, so Tab and Enter work without extra handling.
 */
export function Pagination({ pageNo, pageSize, totalCount, onPageChange, onPageSizeChange, itemLabel = 'rows', className }: PaginationProps) {
  const sizeId = useId()
  const pageCount = Math.max(1, Math.ceil(totalCount / pageSize))
  const sizes = PAGE_SIZES.includes(pageSize as (typeof PAGE_SIZES)[number]) ? PAGE_SIZES : [...PAGE_SIZES, pageSize].sort((a, b) => a - b)
  return (
    <div className={cn('flex flex-wrap items-center justify-between gap-3 text-xs text-fg-muted', className)}>
      <div className="flex items-center gap-3">
        <p aria-live="polite" className="tabular-nums">
          {getRangeLabel(pageNo, pageSize, totalCount)} <span className="sr-only">{itemLabel}</span>
        </p>
        <span className="flex items-center gap-1.5">
          <label htmlFor={sizeId}>Rows per page</label>
          <select
            id={sizeId}
            value={pageSize}
            onChange={(e) => onPageSizeChange(Number(e.target.value))}
            className="h-7 rounded-md border border-line-strong bg-surface px-1.5 text-xs text-fg"
          >
            {sizes.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </span>
      </div>
      <nav aria-label={`Pages of ${itemLabel}`}>
        <ul className="flex items-center gap-1">
          <li>
            <button
              type="button"
              className={cn(pageButton, 'border-line-strong bg-surface text-fg hover:bg-surface-muted')}
              onClick={() => onPageChange(pageNo - 1)}
              disabled={pageNo <= 1}
            >
              <ChevronLeftIcon className="size-3.5" />
              <span className="sr-only">Previous page</span>
            </button>
          </li>
          {getPageItems(pageNo, pageCount).map((item) =>
            item.type === 'gap' ? (
              <li key={item.key} aria-hidden="true" className="px-1">
                …
              </li>
            ) : (
              <li key={item.page}>
                <button
                  type="button"
                  aria-current={item.page === pageNo ? 'page' : undefined}
                  onClick={() => onPageChange(item.page)}
                  className={cn(
                    pageButton,
                    item.page === pageNo
                      ? 'border-accent bg-accent text-accent-fg'
                      : 'border-line-strong bg-surface text-fg hover:bg-surface-muted',
                  )}
                >
                  <span className="sr-only">Page </span>
                  {item.page}
                </button>
              </li>
            ),
          )}
          <li>
            <button
              type="button"
              className={cn(pageButton, 'border-line-strong bg-surface text-fg hover:bg-surface-muted')}
              onClick={() => onPageChange(pageNo + 1)}
              disabled={pageNo >= pageCount}
            >
              <ChevronRightIcon className="size-3.5" />
              <span className="sr-only">Next page</span>
            </button>
          </li>
        </ul>
      </nav>
    </div>
  )
}
