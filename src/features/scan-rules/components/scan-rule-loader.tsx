import type { ReactNode } from 'react'
import { Link } from 'react-router'
import type { ScanRule } from '@contract/scan-rules'
import { isClientApiError, isNotFoundError } from '@/api/api-error'
import { buttonClasses } from '@/components/ui/button'
import { ErrorState } from '@/components/ui/error-state'
import { LoadingState } from '@/components/ui/loading-state'
import { useScanRule } from '../api/get-scan-rule'
import { scanRulesPath } from '../lib/paths'

export interface ScanRuleLoaderProps {
  instanceId: string
  scanRuleId: string
  children: (rule: ScanRule) => ReactNode
}

/** Loads one rule and renders it, or its loading state, or why it cannot be shown (with a way back). */
export function ScanRuleLoader({ instanceId, scanRuleId, children }: ScanRuleLoaderProps) {
  const { data: rule, error, refetch, isFetching } = useScanRule(instanceId, scanRuleId)
  if (rule) return children(rule)
  if (!error) return <LoadingState label="Loading scan rule" lines={3} className="max-w-md" />
  return (
    <div className="rounded-lg border border-line bg-surface">
      <h1 className="sr-only">Scan rule</h1>
      {isClientApiError(error) ? (
        <ErrorState
          error={error}
          title={isNotFoundError(error) ? 'Scan rule not found' : 'Could not load this scan rule'}
          action={
            <Link to={scanRulesPath(instanceId)} className={buttonClasses({ size: 'sm' })}>
              Go to scan rules
            </Link>
          }
        />
      ) : (
        <ErrorState error={error} title="Could not load this scan rule" onRetry={() => void refetch()} retrying={isFetching} />
      )}
    </div>
  )
}
