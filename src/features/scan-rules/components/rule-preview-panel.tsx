import { useId } from 'react'
import { isNotSupportedError } from '@/api/api-error'
import { Button } from '@/components/ui/button'
import { describeError } from '@/components/ui/error-state'
import { ChevronLeftIcon, ChevronRightIcon } from '@/components/ui/icons'
import { NotAvailableState } from '@/components/ui/not-available-state'
import { formatCount, plural } from '@/lib/format'
import { cn } from '@/lib/cn'
import type { LivePreview } from './use-live-preview'

export interface RulePreviewPanelProps {
  preview: LivePreview
  title?: string
  className?: string
}

function summary(p: LivePreview): string {
  if (!p.complete) return 'Complete the scope to see which tags the rule matches.'
  if (p.patternErrors) return 'Fix the tag pattern to see which tags the rule matches.'
  const data = p.query.data
  if (p.query.error) return 'Could not preview the rule.'
  if (!data) return 'Looking for matching tags…'
  const tags = `${formatCount(data.matchedTagCount)} ${plural(data.matchedTagCount, 'tag', 'tags')}`
  const repos = `${formatCount(data.matchedRepoCount)} ${plural(data.matchedRepoCount, 'repository', 'repositories')}`
  return `Matches ${tags} in ${repos}, of ${formatCount(data.scopeTagCount)} ${plural(data.scopeTagCount, 'tag', 'tags')} in scope.`
}

/**
 * What a rule matches in the index right now: counts, the selectors the index lacks,
 * and a page of the matched tags. The summary is a polite live region, so typing a
 * pattern is followed by what it matches without moving focus.
 */
export function RulePreviewPanel({ preview, title = 'Matches now', className }: RulePreviewPanelProps) {
  const titleId = useId()
  // A provider without previews (rules kept upstream, e.g. ACR) is information, not a failure.
  if (isNotSupportedError(preview.query.error)) {
    return (
      <section aria-labelledby={titleId} className={cn('rounded-lg border border-line bg-surface p-4', className)}>
        <h2 id={titleId} className="text-sm font-semibold">
          {title}
        </h2>
        <NotAvailableState compact title="Preview" reason={describeError(preview.query.error).message} />
      </section>
    )
  }
  const data = preview.complete && !preview.patternErrors ? preview.query.data : undefined
  const error = preview.query.error && !preview.patternErrors ? describeError(preview.query.error) : null
  const unknown = data ? [...data.unknownNamespaces.map((n) => `namespace ${n}`), ...data.unknownRepos.map((r) => `repository ${r}`)] : []
  const pageCount = data ? Math.max(1, Math.ceil(data.totalCount / preview.pageSize)) : 1
  const busy = preview.pending || preview.query.isFetching
  return (
    <section aria-labelledby={titleId} aria-busy={busy} className={cn('flex flex-col gap-3 rounded-lg border border-line bg-surface p-4', className)}>
      <h2 id={titleId} className="text-sm font-semibold">
        {title}
      </h2>
      <p role="status" className="text-sm text-fg-muted">
        {summary(preview)}
      </p>
      {error ? (
        <p className="rounded-md border border-danger/40 bg-danger-soft px-3 py-2 text-sm text-danger">
          {error.message} <span className="text-xs">({error.code})</span>
        </p>
      ) : null}
      {unknown.length ? (
        <p className="rounded-md border border-warning/40 bg-warning-soft px-3 py-2 text-sm text-warning">
          Not in the index yet: {unknown.join(', ')}. The rule may name them; it matches their tags once they are indexed.
        </p>
      ) : null}
      {data?.items.length ? (
        <ul aria-label="Matched tags" className={cn('flex flex-col divide-y divide-line text-sm', busy && 'opacity-70')}>
          {data.items.map((t) => (
            <li key={`${t.repoId}:${t.tag}`} className="py-1.5 break-all">
              <span className="text-fg-muted">{t.fullName}:</span>
              <span className="font-medium">{t.tag}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {data && pageCount > 1 ? (
        <nav aria-label="Matched tags pages" className="flex items-center justify-between gap-2 text-xs text-fg-muted">
          <span className="tabular-nums">
            Page {preview.pageNo} of {pageCount}
          </span>
          <span className="flex gap-1">
            <Button size="sm" onClick={() => preview.setPageNo(preview.pageNo - 1)} disabled={preview.pageNo <= 1}>
              <ChevronLeftIcon className="size-3.5" />
              Previous
            </Button>
            <Button size="sm" onClick={() => preview.setPageNo(preview.pageNo + 1)} disabled={preview.pageNo >= pageCount}>
              Next
              <ChevronRightIcon className="size-3.5" />
            </Button>
          </span>
        </nav>
      ) : null}
    </section>
  )
}
