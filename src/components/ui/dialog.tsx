import { useEffect, useId, useRef, type ReactNode } from 'react'
import { cn } from '@/lib/cn'
import { CloseIcon } from './icons'

export interface DialogProps {
  open: boolean
  onClose: () => void
  title: ReactNode
  description?: ReactNode
  children: ReactNode
  footer?: ReactNode
  /** `alertdialog` for confirmations that interrupt. */
  role?: 'dialog' | 'alertdialog'
  className?: string
}

/**
 * A modal on the native `<dialog>` element: `showModal()` makes the rest of the page
 * inert (focus cannot leave), Esc closes it, and focus returns to whatever opened it.
 *
 * @example
 * <Dialog open={open} onClose={() => setOpen(false)} title="Delete instance" footer={<Button>Delete</Button>}>
 *   This removes everything indexed from it.
 * </Dialog>
 */
export function Dialog({ open, onClose, title, description, children, footer, role = 'dialog', className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const onCloseRef = useRef(onClose)
  const titleId = useId()
  const descriptionId = useId()

  useEffect(() => {
    onCloseRef.current = onClose
  }, [onClose])

  useEffect(() => {
    const dialog = ref.current
    if (!dialog || !open) return undefined
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (!dialog.open) dialog.showModal()
    // React does not put `autofocus` in the DOM, so the opener marks the first field itself.
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus()
    const handleClose = () => onCloseRef.current()
    dialog.addEventListener('close', handleClose)
    return () => {
      dialog.removeEventListener('close', handleClose)
      if (dialog.open) dialog.close()
      if (opener?.isConnected) opener.focus()
    }
  }, [open])

  return (
    <dialog
      ref={ref}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      aria-modal="true"
      className={cn(
        'fixed inset-0 m-auto max-h-[90vh] w-[min(36rem,calc(100vw-2rem))] overflow-hidden rounded-lg border border-line bg-surface p-0 text-fg shadow-xl',
        'backdrop:bg-black/50',
        className,
      )}
    >
      {open ? (
        <div className="flex max-h-[90vh] flex-col">
          <header className="flex items-start justify-between gap-4 border-b border-line px-5 py-3">
            <div>
              <h2 id={titleId} className="text-base font-semibold">
                {title}
              </h2>
              {description ? (
                <p id={descriptionId} className="mt-0.5 text-sm text-fg-muted">
                  {description}
                </p>
              ) : null}
            </div>
            <button
              type="button"
              onClick={() => ref.current?.close()}
              className="-mr-1 rounded p-1 text-fg-muted hover:bg-surface-muted hover:text-fg"
            >
              <CloseIcon />
              <span className="sr-only">Close</span>
            </button>
          </header>
          <div className="overflow-y-auto px-5 py-4">{children}</div>
          {footer ? <footer className="flex justify-end gap-2 border-t border-line px-5 py-3">{footer}</footer> : null}
        </div>
      ) : null}
    </dialog>
  )
}
