import { queryRoots } from '@/api/query-roots'
import type { ListBaselineParams } from './list-baseline'
import type { FixCommandsParams } from './list-fix-commands'
import type { ListMaliciousParams } from './list-malicious'
import type { ListScanTasksParams } from './list-scan-tasks'
import type { ListVulnerabilitiesParams } from './list-vulnerabilities'

/**
 * Query keys for scans, general → specific; every fetcher input is in its key. A
 * COMPLETE scan's results never change, so everything under `results(scanTaskId)` is
 * cached for good; statuses and task lists are what a new scan invalidates.
 */
export const scanKeys = {
  all: queryRoots.scans,
  tasks: () => [...scanKeys.all, 'tasks'] as const,
  taskList: (params: ListScanTasksParams) => [...scanKeys.tasks(), params] as const,
  statuses: () => [...scanKeys.all, 'status'] as const,
  taskStatus: (instanceId: string, scanTaskId: string) => [...scanKeys.statuses(), 'task', instanceId, scanTaskId] as const,
  tagStatus: (instanceId: string, repoId: string, tag: string) => [...scanKeys.statuses(), 'tag', instanceId, repoId, tag] as const,
  results: (scanTaskId: string) => [...scanKeys.all, 'results', scanTaskId] as const,
  summary: (scanTaskId: string, includeSnoozed = false) => [...scanKeys.results(scanTaskId), 'summary', { includeSnoozed }] as const,
  report: (scanTaskId: string) => [...scanKeys.results(scanTaskId), 'report'] as const,
  reportHeader: (scanTaskId: string) => [...scanKeys.results(scanTaskId), 'report-header'] as const,
  vulnerabilities: (params: ListVulnerabilitiesParams) => [...scanKeys.results(params.scanTaskId), 'vulnerabilities', params] as const,
  fixCommands: (params: FixCommandsParams) => [...scanKeys.results(params.scanTaskId), 'fix-commands', params] as const,
  baseline: (params: ListBaselineParams) => [...scanKeys.results(params.scanTaskId), 'baseline', params] as const,
  malicious: (params: ListMaliciousParams) => [...scanKeys.results(params.scanTaskId), 'malicious', params] as const,
}
