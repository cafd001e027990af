/**
 * An operation name as words: "createRepoTagScanTask" → "Create repo tag scan task".
 * The audit log stores operation names (stable, searchable); people read these.
 *
 * @example
 * describeAction('revokeApiToken') // 'Revoke API token'
 */
export function describeAction(action: string): string {
  const words = action
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(' ')
    .filter(Boolean)
    .map((w, i) => (/^api$/i.test(w) ? 'API' : i === 0 ? w[0]?.toUpperCase() + w.slice(1) : w.toLowerCase()))
  return words.join(' ')
}

/** The input of an event as short "key: value" lines, for the expanded row. */
export function detailLines(details: Record<string, unknown>): string[] {
  return Object.entries(details).map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
}
