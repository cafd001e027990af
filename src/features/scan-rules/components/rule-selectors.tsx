import type { ScanRule } from '@contract/scan-rules'
import { Badge } from '@/components/ui/badge'
import { cn } from '@/lib/cn'

export interface RuleSelectorsProps {
  rule: Pick<ScanRule, 'scanScope' | 'namespaces' | 'repoNames' | 'unknownNamespaces' | 'unknownRepos'>
  /** One line for table cells; the detail page lists each name. */
  compact?: boolean
}

/**
 * The namespaces or repositories a rule names, each flagged when the index does not have
 * it yet (allowed: a rule may be written before the first push), in words, not colour only.
 */
export function RuleSelectors({ rule, compact = false }: RuleSelectorsProps) {
  if (rule.scanScope === 'INSTANCE') return compact ? null : <span className="text-fg-muted">Every repository</span>
  const ns = rule.namespaces[0] ?? ''
  const names =
    rule.scanScope === 'NAMESPACE'
      ? rule.namespaces.map((n) => ({ name: n, unknown: rule.unknownNamespaces.includes(n) }))
      : rule.repoNames.map((n) => ({ name: `${ns}/${n}`, unknown: rule.unknownNamespaces.includes(ns) || rule.unknownRepos.includes(n) }))
  return (
    <ul className={cn('flex flex-wrap gap-1', compact && 'text-xs')}>
      {names.map(({ name, unknown }) => (
        <li key={name}>
          <Badge tone={unknown ? 'warning' : 'neutral'} title={unknown ? 'Not in the index yet' : undefined}>
            {name}
            {unknown ? <span className="font-normal">(not in index)</span> : null}
          </Badge>
        </li>
      ))}
    </ul>
  )
}
