import type { ReactNode } from 'react'
import { cn } from '@/lib/cn'

export interface PageHeaderProps {
  title: ReactNode
  /** A small label above the title: "Instance", "Repository". */
  eyebrow?: ReactNode
  description?: ReactNode
  actions?: ReactNode
  children?: ReactNode
  className?: string
}

/** The page's one `<h1>`, with its actions on the right. */
export function PageHeader({ title, eyebrow, description, actions, children, className }: PageHeaderProps) {
  return (
    <header className={cn('flex flex-col gap-3', className)}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          {eyebrow ? <p className="text-xs font-medium tracking-wide text-fg-muted uppercase">{eyebrow}</p> : null}
          <h1 className="text-xl font-semibold break-words text-fg">{title}</h1>
          {description ? <div className="mt-1 text-sm text-fg-muted">{description}</div> : null}
        </div>
        {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
      </div>
      {children}
    </header>
  )
}
