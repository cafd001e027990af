import type { ReactNode } from 'react'
import { Button } from './button'
import { Dialog } from './dialog'
import { InlineError } from './inline-error'

/** The part of a TanStack Query mutation a dialog shows: whether it runs, how it failed, and a way to forget both. */
export interface DialogMutation {
  isPending: boolean
  error: unknown
  reset: () => void
}

export interface ConfirmDialogProps {
  open: boolean
  /** Called after the mutation's state is reset, so a reopened dialog starts clean. */
  onClose: () => void
  title: ReactNode
  description?: ReactNode
  /** What happens, in a sentence or two. */
  children: ReactNode
  /** The danger button: "Delete instance". */
  confirmLabel: string
  /** The danger button while the mutation runs: "Deleting…". */
  pendingLabel: string
  mutation: DialogMutation
  /** Starts the mutation; `close` resets it and closes the dialog, for its `onSuccess`. */
  onConfirm: (close: () => void) => void
}

/**
 * Asks before a destructive action (an `alertdialog`) and shows the action's error in place.
 * Cancel has focus, so Enter alone never confirms.
 *
 * @example
 * const deletion = useDeleteScanRule()
 * <ConfirmDialog open={open} onClose={onClose} title="Delete rule nightly?" confirmLabel="Delete rule"
 *   pendingLabel="Deleting…" mutation={deletion} onConfirm={(close) => deletion.mutate(rule, { onSuccess: close })}>
 *   The rule stops scanning matching tags.
 * </ConfirmDialog>
 */
export function ConfirmDialog({ open, onClose, title, description, children, confirmLabel, pendingLabel, mutation, onConfirm }: ConfirmDialogProps) {
  const close = () => {
    mutation.reset()
    onClose()
  }
  return (
    <Dialog
      open={open}
      onClose={close}
      role="alertdialog"
      title={title}
      description={description}
      footer={
        <>
          <Button onClick={close} data-autofocus>
            Cancel
          </Button>
          <Button variant="danger" onClick={() => onConfirm(close)} disabled={mutation.isPending}>
            {mutation.isPending ? pendingLabel : confirmLabel}
          </Button>
        </>
      }
    >
      <p className="text-sm">{children}</p>
      <InlineError error={mutation.error} className="mt-3" />
    </Dialog>
  )
}
