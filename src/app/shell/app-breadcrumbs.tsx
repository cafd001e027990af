import { useMatches } from 'react-router'
import { Breadcrumbs } from '@/components/ui/breadcrumbs'
import type { RouteHandle } from '../route-handle'

/** The trail built from the matched routes' `handle.crumb`; hidden on pages with one level. */
export function AppBreadcrumbs() {
  const matches = useMatches()
  const crumbs = matches.filter((m) => (m.handle as RouteHandle | undefined)?.crumb)
  if (crumbs.length < 2) return null
  return (
    <Breadcrumbs>
      {crumbs.map((match, index) => {
        const crumb = (match.handle as RouteHandle).crumb
        return crumb ? (
          <Crumb key={match.id} render={crumb} params={match.params} current={index === crumbs.length - 1} />
        ) : null
      })}
    </Breadcrumbs>
  )
}

interface CrumbProps {
  render: NonNullable<RouteHandle['crumb']>
  params: Record<string, string | undefined>
  current: boolean
}

function Crumb({ render, params, current }: CrumbProps) {
  return render({ params, current })
}
