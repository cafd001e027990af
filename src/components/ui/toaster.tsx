import { dismissToast, useToasts, type ToastTone } from '@/lib/toast'
import { cn } from '@/lib/cn'
import { CloseIcon } from './icons'

const tones: Record<ToastTone, string> = {
  success: 'border-success/40',
  danger: 'border-danger/60',
  info: 'border-info/40',
}
const symbols: Record<ToastTone, string> = { success: '✓', danger: '✕', info: 'i' }
const symbolTones: Record<ToastTone, string> = { success: 'text-success', danger: 'text-danger', info: 'text-info' }

/** Where toasts appear: one polite live region at the bottom right. */
export function Toaster() {
  const toasts = useToasts()
  return (
    <section aria-label="Notifications" className="pointer-events-none fixed right-4 bottom-4 z-50 flex w-80 flex-col gap-2">
      <ol aria-live="polite" className="flex flex-col gap-2">
        {toasts.map((t) => (
          <li
            key={t.id}
            className={cn('pointer-events-auto flex gap-2 rounded-md border-l-4 border bg-surface p-3 text-sm shadow-lg', tones[t.tone])}
          >
            <span aria-hidden="true" className={cn('font-bold', symbolTones[t.tone])}>
              {symbols[t.tone]}
            </span>
            <div className="min-w-0 flex-1">
              <p className="font-medium text-fg">{t.title}</p>
              {t.description ? <p className="mt-0.5 text-xs break-words text-fg-muted">{t.description}</p> : null}
            </div>
            <button
              type="button"
              onClick={() => dismissToast(t.id)}
              className="self-start rounded p-0.5 text-fg-muted hover:bg-surface-muted hover:text-fg"
            >
              <CloseIcon className="size-3.5" />
              <span className="sr-only">Dismiss</span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  )
}
