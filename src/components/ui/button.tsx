import type { ComponentProps } from 'react'
import { cn } from '@/lib/cn'

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger'
export type ButtonSize = 'sm' | 'md'

const variants: Record<ButtonVariant, string> = {
  primary: 'border-transparent bg-accent text-accent-fg hover:bg-accent-strong',
  secondary: 'border-line-strong bg-surface text-fg hover:bg-surface-muted',
  ghost: 'border-transparent bg-transparent text-fg hover:bg-surface-muted',
  danger: 'border-transparent bg-danger text-white hover:bg-danger-strong dark:text-canvas',
}
const sizes: Record<ButtonSize, string> = {
  sm: 'h-7 gap-1 px-2 text-xs',
  md: 'h-8 gap-1.5 px-3 text-sm',
}

/**
 * The class list of a button, for links that look like one.
 *
 * @example
 * <Link to="/instances" className={buttonClasses({ variant: 'secondary' })}>Back</Link>
 */
export function buttonClasses({ variant = 'secondary', size = 'md' }: { variant?: ButtonVariant; size?: ButtonSize } = {}) {
  return cn(
    'inline-flex shrink-0 items-center justify-center rounded-md border font-medium whitespace-nowrap transition-colors',
    'disabled:cursor-not-allowed disabled:opacity-60 aria-disabled:cursor-not-allowed aria-disabled:opacity-60',
    variants[variant],
    sizes[size],
  )
}

export interface ButtonProps extends ComponentProps<'button'> {
  variant?: ButtonVariant
  size?: ButtonSize
}

export function Button({ variant, size, className, type = 'button', ...props }: ButtonProps) {
  return <button type={type} className={cn(buttonClasses({ variant, size }), className)} {...props} />
}
