import { lazy, Suspense } from 'react'
import { createBrowserRouter, Navigate, useLocation, type RouteObject } from 'react-router'
import { BreadcrumbItem } from '@/components/ui/breadcrumbs'
import { LoadingState } from '@/components/ui/loading-state'
import { InstanceCrumb } from '@/features/instances/components/instance-crumb'
import { InstancesPage } from '@/features/instances/components/instances-page'
import { RepositoryCrumb } from '@/features/repositories/components/repository-crumb'
import { ScanTaskCrumb } from '@/features/scans/components/scan-task-crumb'
import { scanTasksPath } from '@/features/scans/lib/paths'
import type { RouteHandle } from './route-handle'
import { InstanceRoute } from './routes/instance-route'
import { NotFoundRoute } from './routes/not-found-route'
import { RepositoryRoute } from './routes/repository-route'
import { RouteError } from './routes/route-error'
import { ScanTasksRoute } from './routes/scan-tasks-route'
import { TagRoute } from './routes/tag-route'
import { AppShell } from './shell/app-shell'

// The report brings Recharts: its own chunk, loaded when a report is first opened.
const ScanReportRoute = lazy(async () => ({ default: (await import('./routes/scan-report-route')).ScanReportRoute }))

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
const scansHandle: RouteHandle = {
  crumb: ({ params, current }) => (
    <BreadcrumbItem to={scanTasksPath(params.instanceId ?? '')} current={current}>
      Scan tasks
    </BreadcrumbItem>
  ),
}
const scanTaskHandle: RouteHandle = {
  crumb: ({ params, current }) => <ScanTaskCrumb instanceId={params.instanceId ?? ''} scanTaskId={params.scanTaskId ?? ''} current={current} />,
}
const tagHandle: RouteHandle = {
  crumb: ({ params, current }) => <BreadcrumbItem current={current}>{params.tag}</BreadcrumbItem>,
}

/**
 * The URL is the screen: instance → repository → tag, and instance → scan tasks → one
 * scan's report (pinned to the task), with list state and the report tab in the query
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
                  {
                    path: 'scans',
                    handle: scansHandle,
                    children: [
                      { index: true, element: <ScanTasksRoute /> },
                      {
                        path: ':scanTaskId',
                        handle: scanTaskHandle,
                        element: (
                          <Suspense fallback={<LoadingState label="Loading report" lines={6} className="max-w-2xl" />}>
                            <ScanReportRoute />
                          </Suspense>
                        ),
                      },
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
