import { useQueryClient } from '@tanstack/react-query'
import { isRouteErrorResponse, Link, useRevalidator, useRouteError } from 'react-router'
import { buttonClasses } from '@/components/ui/button'
import { ErrorState } from '@/components/ui/error-state'
import { useDocumentTitle } from '@/hooks/use-document-title'
import { NotFoundRoute } from './not-found-route'

/**
 * What a route shows when it throws: the ApiError's code, message and request id, a
 * retry (clears cached failures and re-renders the route) and a way out.
 */
export function RouteError() {
  const error = useRouteError()
  const queryClient = useQueryClient()
  const revalidator = useRevalidator()
  useDocumentTitle('Error')
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundRoute />
  const retry = () => {
    void queryClient.resetQueries()
    void revalidator.revalidate()
  }
  return (
    <div className="border-line bg-surface rounded-lg border">
      <h1 className="sr-only">Error</h1>
      <ErrorState
        error={error}
        title="This page could not be shown"
        onRetry={retry}
        retrying={revalidator.state === 'loading'}
      />
      <div className="flex justify-center pb-6">
        <Link to="/instances" className={buttonClasses({ variant: 'ghost', size: 'sm' })}>
          Go to instances
        </Link>
      </div>
    </div>
  )
}
