import { useSyncExternalStore } from 'react'

export type ToastTone = 'success' | 'danger' | 'info'

export interface ToastMessage {
  id: number
  tone: ToastTone
  title: string
  description?: string | undefined
}

let toasts: ToastMessage[] = []
let nextId = 1
const listeners = new Set<() => void>()
const emit = () => listeners.forEach((notify) => notify())

function push(tone: ToastTone, title: string, description?: string) {
  const id = nextId++
  toasts = [...toasts, { id, tone, title, description }].slice(-4)
  emit()
  setTimeout(() => dismissToast(id), tone === 'danger' ? 10_000 : 5_000)
  return id
}

export function dismissToast(id: number) {
  const next = toasts.filter((t) => t.id !== id)
  if (next.length !== toasts.length) {
    toasts = next
    emit()
  }
}

/**
 * Short notices about actions (a sync started, a delete failed), read out politely by
 * screen readers. Mutation hooks raise them; the Toaster in the app shell shows them.
 *
 * @example
 * toast.success('Sync started', 'demo is being re-indexed.')
 * toast.error('Could not delete demo', error.message)
 */
export const toast = {
  success: (title: string, description?: string) => push('success', title, description),
  error: (title: string, description?: string) => push('danger', title, description),
  info: (title: string, description?: string) => push('info', title, description),
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
const getSnapshot = () => toasts

/** The toasts on screen now. */
export function useToasts(): ToastMessage[] {
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot)
}
