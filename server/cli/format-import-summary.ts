import type { ImportSummary } from '../engine/advisories/import-osv'

/**
 * The text `npm run vulndb:import` prints: what each source gave, counts per ecosystem,
 * why records were rejected, and how old the store now is.
 */
export function formatImportSummary(summary: ImportSummary, now: number = Date.now()): string {
  const lines: string[] = []
  lines.push('Sources:')
  for (const s of summary.sources) {
    const rejected = s.rejected > 0 ? `, ${s.rejected} rejected` : ''
    lines.push(`  ${s.source} (${s.kind}): ${s.read} records${rejected}${s.error ? `\n    error: ${s.error}` : ''}`)
  }
  lines.push('')
  lines.push(`Records: ${summary.read} read — ${summary.inserted} new, ${summary.updated} updated, ${summary.unchanged} unchanged; ${summary.rejected} rejected`)
  const ecosystems = Object.entries(summary.byEcosystem).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  if (ecosystems.length > 0) {
    lines.push('')
    lines.push('By ecosystem:')
    const width = Math.max(...ecosystems.map(([name]) => name.length))
    for (const [name, c] of ecosystems) {
      lines.push(`  ${name.padEnd(width)}  ${c.inserted} new, ${c.updated} updated, ${c.unchanged} unchanged`)
    }
  }
  if (summary.rejections.length > 0) {
    lines.push('')
    const shown = summary.rejections.length < summary.rejected ? ` (first ${summary.rejections.length})` : ''
    lines.push(`Rejected${shown}:`)
    for (const r of summary.rejections) lines.push(`  ${r.origin}: ${r.reason}`)
  }
  lines.push('')
  lines.push(formatStoreAge(summary, now))
  return `${lines.join('\n')}\n`
}

function formatStoreAge({ store }: ImportSummary, now: number): string {
  if (store.recordCount === 0) return 'Store: empty'
  const imported = store.importedAt === null ? 'never stamped' : `imported ${new Date(store.importedAt).toISOString()}`
  if (store.newestModified === null) return `Store: ${store.recordCount} records, ${imported}`
  const days = Math.floor((now - Date.parse(store.newestModified)) / 86_400_000)
  // Some sources date records ahead of the clock (the fixtures have 2026 dates): say so
  // instead of printing a negative age.
  const age = days < 0 ? 'dated in the future' : days === 0 ? 'today' : `${days} day${days === 1 ? '' : 's'} ago`
  return `Store: ${store.recordCount} records, ${imported}, newest record modified ${store.newestModified} (${age})`
}
