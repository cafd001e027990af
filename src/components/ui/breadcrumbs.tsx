import type { ReactNode } from 'react'
import { Link } from 'react-router'

export interface BreadcrumbsProps {
  children: ReactNode
}

/** The trail of where the user is; each level renders a {@link BreadcrumbItem}. */
export function Breadcrumbs({ children }: BreadcrumbsProps) {
  return (
    <nav aria-label="Breadcrumb">
      <ol className="flex min-w-0 flex-wrap items-center gap-x-1.5 gap-y-1 text-sm text-fg-muted">{children}</ol>
    </nav>
  )
}

export interface BreadcrumbItemProps {
  /** Where this level links; the current page gets no link. */
  to?: string | undefined
  current?: boolean
  children: ReactNode
}

export function BreadcrumbItem({ to, current, children }: BreadcrumbItemProps) {
  return (
    <li className="flex min-w-0 items-center gap-1.5 before:text-fg-muted before:content-['›'] first:before:content-none">
      {current || !to ? (
        <span aria-current={current ? 'page' : undefined} className="truncate font-medium text-fg">
          {children}
        </span>
      ) : (
        <Link to={to} className="truncate text-accent underline-offset-2 hover:underline">
          {children}
        </Link>
      )}
    </li>
  )
}
