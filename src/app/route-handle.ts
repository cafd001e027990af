import type { ReactNode } from 'react'

/** What a route can declare in `handle`: its level in the breadcrumb trail. */
export interface RouteHandle {
  crumb?: (args: { params: Record<string, string | undefined>; current: boolean }) => ReactNode
}
