/** The scan tasks page of an instance. */
export function scanTasksPath(instanceId: string): string {
  return `/instances/${instanceId}/scans`
}

/**
 * A scan's report, pinned to its task: the link keeps showing this scan after the tag
 * moves to another digest or is scanned again.
 */
export function scanReportPath(instanceId: string, scanTaskId: string): string {
  return `${scanTasksPath(instanceId)}/${scanTaskId}`
}
