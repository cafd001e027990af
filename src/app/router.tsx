import { lazy, Suspense } from 'react'
import { createBrowserRouter, Navigate, useLocation, type RouteObject } from 'react-router'
import { BreadcrumbItem } from '@/components/ui/breadcrumbs'
import { LoadingState } from '@/components/ui/loading-state'
import { TokensPage } from '@/features/admin/components/tokens-page'
import { AuditPage } from '@/features/audit/components/audit-page'
import { ExceptionsPage } from '@/features/exceptions/components/exceptions-page'
import { RequirePermission } from '@/features/auth/components/require-permission'
import { SignInPage } from '@/features/auth/components/sign-in-page'
import { InstanceCrumb } from '@/features/instances/components/instance-crumb'
import { InstancesPage } from '@/features/instances/components/instances-page'
import { RepositoryCrumb } from '@/features/repositories/components/repository-crumb'
import { ScanRuleCrumb } from '@/features/scan-rules/components/scan-rule-crumb'
import { scanRulesPath } from '@/features/scan-rules/lib/paths'
import { ScanTaskCrumb } from '@/features/scans/components/scan-task-crumb'
import { scanTasksPath } from '@/features/scans/lib/paths'
import type { RouteHandle } from './route-handle'
import { InstanceRoute } from './routes/instance-route'
import { InstanceScope } from './routes/instance-scope'
import { NotFoundRoute } from './routes/not-found-route'
import { RepositoryRoute } from './routes/repository-route'
import { EditScanRuleRoute } from './routes/edit-scan-rule-route'
import { NewScanRuleRoute } from './routes/new-scan-rule-route'
import { RouteError } from './routes/route-error'
import { ScanRuleRoute } from './routes/scan-rule-route'
import { ScanRulesRoute } from './routes/scan-rules-route'
import { ScanTasksRoute } from './routes/scan-tasks-route'
import { TagRoute } from './routes/tag-route'
import { AppShell } from './shell/app-shell'
import { GatedLayout } from './shell/gated-layout'

// The report brings Recharts: its own chunk, loaded when a report is first opened.
const ScanReportRoute = lazy(async () => ({
  default: (await import('./routes/scan-report-route')).ScanReportRoute,
}))
// The compare view and a tag's report address live in the same report chunk.
const ComparePage = lazy(async () => ({
  default: (await import('@/features/scans/components/compare-page')).ComparePage,
}))
const TagReportPage = lazy(async () => ({
  default: (await import('@/features/scans/components/tag-report-page')).TagReportPage,
}))

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
  crumb: ({ params, current }) => (
    <ScanTaskCrumb
      instanceId={params.instanceId ?? ''}
      scanTaskId={params.scanTaskId ?? ''}
      current={current}
    />
  ),
}
const scanRulesHandle: RouteHandle = {
  crumb: ({ params, current }) => (
    <BreadcrumbItem to={scanRulesPath(params.instanceId ?? '')} current={current}>
      Scan rules
    </BreadcrumbItem>
  ),
}
const scanRuleHandle: RouteHandle = {
  crumb: ({ params, current }) => (
    <ScanRuleCrumb
      instanceId={params.instanceId ?? ''}
      scanRuleId={params.scanRuleId ?? ''}
      current={current}
    />
  ),
}
const newScanRuleHandle: RouteHandle = {
  crumb: ({ current }) => <BreadcrumbItem current={current}>New rule</BreadcrumbItem>,
}
const editScanRuleHandle: RouteHandle = {
  crumb: ({ current }) => <BreadcrumbItem current={current}>Edit</BreadcrumbItem>,
}
const tokensHandle: RouteHandle = {
  crumb: ({ current }) => <BreadcrumbItem current={current}>API tokens</BreadcrumbItem>,
}
const auditHandle: RouteHandle = {
  crumb: ({ current }) => <BreadcrumbItem current={current}>Audit log</BreadcrumbItem>,
}
const exceptionsHandle: RouteHandle = {
  crumb: ({ current }) => <BreadcrumbItem current={current}>Exceptions</BreadcrumbItem>,
}
const tagHandle: RouteHandle = {
  crumb: ({ params, current }) => <BreadcrumbItem current={current}>{params.tag}</BreadcrumbItem>,
}
const tagReportHandle: RouteHandle = {
  crumb: ({ current }) => <BreadcrumbItem current={current}>Report</BreadcrumbItem>,
}
const compareHandle: RouteHandle = {
  crumb: ({ current }) => <BreadcrumbItem current={current}>Compare</BreadcrumbItem>,
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
      // Outside the gate: the page people are sent to, to sign in and come back.
      { path: 'sign-in', element: <SignInPage />, errorElement: <RouteError /> },
      {
        // Every other page: sign-in (when required) is shown in place, at the page's own URL;
        // the breadcrumbs are inside the gate too, so they ask for nothing before sign-in.
        element: <GatedLayout />,
        errorElement: <RouteError />,
        children: [
          {
            // A page that throws shows its error below the breadcrumbs, which stay usable.
            errorElement: <RouteError />,
            children: [
              { index: true, element: <RedirectToInstances /> },
              {
                path: 'admin/tokens',
                handle: tokensHandle,
                element: (
                  <RequirePermission operation="listApiToken" what="Seeing the API tokens" needs="admin">
                    <TokensPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'audit',
                handle: auditHandle,
                element: (
                  <RequirePermission operation="listAuditEvent" what="Seeing the audit log" needs="admin">
                    <AuditPage />
                  </RequirePermission>
                ),
              },
              { path: 'exceptions', handle: exceptionsHandle, element: <ExceptionsPage /> },
              {
                path: 'instances',
                handle: instancesHandle,
                children: [
                  { index: true, element: <InstancesPage /> },
                  {
                    path: ':instanceId',
                    handle: instanceHandle,
                    element: <InstanceScope />,
                    children: [
                      { index: true, element: <InstanceRoute /> },
                      {
                        path: 'repositories/:repoId',
                        handle: repositoryHandle,
                        children: [
                          { index: true, element: <RepositoryRoute /> },
                          {
                            path: 'tags/:tag',
                            handle: tagHandle,
                            children: [
                              { index: true, element: <TagRoute /> },
                              {
                                path: 'report',
                                handle: tagReportHandle,
                                element: (
                                  <Suspense
                                    fallback={
                                      <LoadingState label="Loading report" lines={6} className="max-w-2xl" />
                                    }
                                  >
                                    <TagReportPage />
                                  </Suspense>
                                ),
                              },
                            ],
                          },
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
                            children: [
                              {
                                index: true,
                                element: (
                                  <Suspense
                                    fallback={
                                      <LoadingState label="Loading report" lines={6} className="max-w-2xl" />
                                    }
                                  >
                                    <ScanReportRoute />
                                  </Suspense>
                                ),
                              },
                              {
                                path: 'compare',
                                handle: compareHandle,
                                element: (
                                  <Suspense
                                    fallback={
                                      <LoadingState label="Loading" lines={6} className="max-w-2xl" />
                                    }
                                  >
                                    <ComparePage />
                                  </Suspense>
                                ),
                              },
                            ],
                          },
                        ],
                      },
                      {
                        path: 'rules',
                        handle: scanRulesHandle,
                        children: [
                          { index: true, element: <ScanRulesRoute /> },
                          { path: 'new', handle: newScanRuleHandle, element: <NewScanRuleRoute /> },
                          {
                            path: ':scanRuleId',
                            handle: scanRuleHandle,
                            children: [
                              { index: true, element: <ScanRuleRoute /> },
                              { path: 'edit', handle: editScanRuleHandle, element: <EditScanRuleRoute /> },
                            ],
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
    ],
  },
]

export interface AppRouterOptions {
  /** `/embed` for an embedded page: every link and redirect then stays under it. */
  basename?: string
}

export function createAppRouter(options: AppRouterOptions = {}) {
  return createBrowserRouter(routes, options.basename ? { basename: options.basename } : {})
}
