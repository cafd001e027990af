import { useQuery } from '@tanstack/react-query'
import { BreadcrumbItem } from '@/components/ui/breadcrumbs'
import { scanTaskStatusOptions } from '../api/get-scan-status'

export interface ScanTaskCrumbProps {
  instanceId: string
  scanTaskId: string
  current: boolean
}

/**
 * A scan in the breadcrumb trail: "image:tag" once the report page has loaded the task.
 * It only reads the page's query: the report is a lazily loaded chunk, and a second
 * fetcher mounting before it would make a failed request go out twice.
 */
export function ScanTaskCrumb({ instanceId, scanTaskId, current }: ScanTaskCrumbProps) {
  const { data } = useQuery({ ...scanTaskStatusOptions(instanceId, scanTaskId), enabled: false })
  return <BreadcrumbItem current={current}>{data ? `${data.repository}:${data.tag}` : `Scan ${scanTaskId.slice(0, 8)}`}</BreadcrumbItem>
}
