import { clsx, type ClassValue } from 'clsx'
import { twMerge } from 'tailwind-merge'

/**
 * Joins class lists and lets a later Tailwind class win over an earlier one of the same kind.
 *
 * @example
 * cn('px-2 text-sm', isActive && 'bg-accent', className) // className's 'px-4' replaces 'px-2'
 */
export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs))
}
