import { createBrowserRouter, Navigate, useLocation, type RouteObject } from 'react-router'
import { BreadcrumbItem } from '@/components/ui/breadcrumbs'
import { InstanceCrumb } from '@/features/instances/components/instance-crumb'
import { InstancesPage } from '@/features/instances/components/instances-page'
import { RepositoryCrumb } from '@/features/repositories/components/repository-crumb'
import type { RouteHandle } from './route-handle'
import { InstanceRoute } from './routes/instance-route'
import { NotFoundRoute } from './routes/not-found-route'
import { RepositoryRoute } from './routes/repository-route'
import { RouteError } from './routes/route-error'
import { TagRoute } from './routes/tag-route'
import { AppShell } from './shell/app-shell'

function RedirectToInstances() {
  const { search } = useLocation()
  return <Navigate to={{ pathname: '/instances', search }} replace />
}

const instancesHandle: RouteHandle = {
  crumb: ({ current }) => (
    <BreadcrumbItem to="/instances" current={current}>
      Instances
    </BreadcrumbItem>
  ),
}
const instanceHandle: RouteHandle = {
  crumb: ({ params, current }) => <InstanceCrumb instanceId={params.instanceId ?? ''} current={current} />,
}
const repositoryHandle: RouteHandle = {
  crumb: ({ params, current }) => (
    <RepositoryCrumb instanceId={params.instanceId ?? ''} repoId={params.repoId ?? ''} current={current} />
  ),
}
const tagHandle: RouteHandle = {
  crumb: ({ params, current }) => <BreadcrumbItem current={current}>{params.tag}</BreadcrumbItem>,
}

/**
 * The URL is the screen: instance → repository → tag, with list state in the query
 * string. Errors render inside the shell so the navigation stays usable.
 */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppShell />,
    errorElement: <RouteError />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, element: <RedirectToInstances /> },
          {
            path: 'instances',
            handle: instancesHandle,
            children: [
              { index: true, element: <InstancesPage /> },
              {
                path: ':instanceId',
                handle: instanceHandle,
                children: [
                  { index: true, element: <InstanceRoute /> },
                  {
                    path: 'repositories/:repoId',
                    handle: repositoryHandle,
                    children: [
                      { index: true, element: <RepositoryRoute /> },
                      { path: 'tags/:tag', handle: tagHandle, element: <TagRoute /> },
                    ],
                  },
                ],
              },
            ],
          },
          { path: '*', element: <NotFoundRoute /> },
        ],
      },
    ],
  },
]

export function createAppRouter() {
  return createBrowserRouter(routes)
}
