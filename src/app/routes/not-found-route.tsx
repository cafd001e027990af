import { Link } from 'react-router'
import { buttonClasses } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { useDocumentTitle } from '@/hooks/use-document-title'

/** Any path the app does not know. */
export function NotFoundRoute() {
  useDocumentTitle('Page not found')
  return (
    <div className="border-line bg-surface rounded-lg border">
      <h1 className="sr-only">Page not found</h1>
      <EmptyState
        title="Page not found"
        description="There is nothing at this address. The link may be mistyped, or what it pointed to was removed."
        action={
          <Link to="/instances" className={buttonClasses({ variant: 'primary' })}>
            Go to instances
          </Link>
        }
      />
    </div>
  )
}
