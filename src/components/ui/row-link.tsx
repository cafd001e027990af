import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { cn } from '@/lib/cn'

export interface RowLinkProps {
  to: string
  children: ReactNode
  className?: string
}

/**
 * The link that opens a table row. It is a real anchor (middle-click, open in new tab,
 * keyboard) whose hit area is stretched over the whole row; other controls in the row
 * sit above it with `relative z-10`.
 */
export function RowLink({ to, children, className }: RowLinkProps) {
  return (
    <Link
      to={to}
      className={cn(
        'font-medium text-accent underline-offset-2 hover:underline',
        "after:absolute after:inset-0 after:content-['']",
        className,
      )}
    >
      {children}
    </Link>
  )
}
