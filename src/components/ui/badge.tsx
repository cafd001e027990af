import type { ReactNode } from 'react'
import { cn } from '@/lib/cn'

export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger'

const tones: Record<Tone, string> = {
  neutral: 'bg-neutral-soft text-fg-muted border-line',
  info: 'bg-info-soft text-info border-info/30',
  success: 'bg-success-soft text-success border-success/30',
  warning: 'bg-warning-soft text-warning border-warning/30',
  danger: 'bg-danger-soft text-danger border-danger/30',
}

export interface BadgeProps {
  tone?: Tone
  children: ReactNode
  className?: string
  title?: string
}

export function Badge({ tone = 'neutral', children, className, title }: BadgeProps) {
  return (
    <span
      title={title}
      className={cn(
        'inline-flex items-center gap-1 rounded border px-1.5 py-px text-xs font-medium whitespace-nowrap',
        tones[tone],
        className,
      )}
    >
      {children}
    </span>
  )
}

const symbols: Record<Tone, string> = {
  neutral: '○',
  info: '◐',
  success: '●',
  warning: '▲',
  danger: '✕',
}

export interface StatusChipProps {
  tone: Tone
  label: string
  /** Spins the symbol while work runs. */
  busy?: boolean
  title?: string
  className?: string
}

/**
 * A status as text plus a distinct symbol, so the meaning never rests on colour alone.
 *
 * @example
 * <StatusChip tone="danger" label="Failed" />
 */
export function StatusChip({ tone, label, busy, title, className }: StatusChipProps) {
  return (
    <Badge tone={tone} title={title} className={className}>
      <span aria-hidden="true" className={cn('inline-block leading-none', busy && 'animate-spin')}>
        {symbols[tone]}
      </span>
      {label}
    </Badge>
  )
}
