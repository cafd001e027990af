import { useEffect, useState } from 'react'
import { cn } from '@/lib/cn'
import { CheckIcon, CopyIcon } from './icons'

type CopyStatus = 'idle' | 'copied' | 'failed'

export interface CopyButtonProps {
  value: string
  /** What is copied, for the accessible name: "Copy digest". */
  label: string
  className?: string
}

/**
 * Copies a value (a digest, a request id) and says so to sighted and screen-reader users.
 *
 * @example
 * <CopyButton value={tag.digest} label="Copy digest" />
 */
export function CopyButton({ value, label, className }: CopyButtonProps) {
  const [status, setStatus] = useState<CopyStatus>('idle')

  useEffect(() => {
    if (status === 'idle') return undefined
    const timer = window.setTimeout(() => setStatus('idle'), 2000)
    return () => window.clearTimeout(timer)
  }, [status])

  const copy = () => {
    if (!navigator.clipboard) {
      setStatus('failed')
      return
    }
    navigator.clipboard.writeText(value).then(
      () => setStatus('copied'),
      () => setStatus('failed'),
    )
  }

  return (
    <span className="inline-flex items-center">
      <button
        type="button"
        onClick={copy}
        title={label}
        className={cn(
          'inline-flex size-6 items-center justify-center rounded text-fg-muted hover:bg-surface-muted hover:text-fg',
          status === 'copied' && 'text-success',
          className,
        )}
      >
        {status === 'copied' ? <CheckIcon /> : <CopyIcon />}
        <span className="sr-only">{label}</span>
      </button>
      <span role="status" className={cn('text-xs', status === 'failed' ? 'text-danger' : 'sr-only')}>
        {status === 'copied' ? 'Copied' : status === 'failed' ? 'Copy failed — select the text instead' : ''}
      </span>
    </span>
  )
}
