import { useInstance } from '@/features/instances/api/get-instance'
import { ReportPage } from '@/features/scans/components/report-page'
import { useRouteParams } from './use-route-params'

/** `/instances/:instanceId/scans/:scanTaskId`: one scan's report, pinned to its task (and so to its digest). */
export function ScanReportRoute() {
  const { instanceId, scanTaskId } = useRouteParams('instanceId', 'scanTaskId')
  const instance = useInstance(instanceId).data
  return (
    <ReportPage
      key={scanTaskId}
      instanceId={instanceId}
      scanTaskId={scanTaskId}
      instanceName={instance?.instanceName}
    />
  )
}
