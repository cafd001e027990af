import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react'
import type { ScanService } from '@contract/scans'
import { Button, type ButtonVariant } from '@/components/ui/button'
import type { DialogMutation } from '@/components/ui/confirm-dialog'
import { Dialog } from '@/components/ui/dialog'
import { RefreshIcon } from '@/components/ui/icons'
import { InlineError } from '@/components/ui/inline-error'
import { usePermitted } from '@/hooks/use-permitted'
import { ScanServiceChoice } from './scan-service-choice'

export interface ScanTriggerButtonProps {
  label: string
  onClick: () => void
  variant?: ButtonVariant
  /** Off for reasons besides permission, e.g. a repository with no tags. */
  disabled?: boolean
  /** Turns the icon while a scan of this image runs. */
  spinning?: boolean
}

/** Opens a scan dialog; a role that may not start scans gets it disabled, with the reason as its title. */
export function ScanTriggerButton({
  label,
  onClick,
  variant,
  disabled = false,
  spinning = false,
}: ScanTriggerButtonProps) {
  const permitted = usePermitted('createRepoTagScanTask')
  return (
    <Button
      variant={variant}
      onClick={onClick}
      disabled={disabled || !permitted.allowed}
      title={permitted.reason ?? undefined}
    >
      <RefreshIcon className={spinning ? 'size-3.5 animate-spin' : 'size-3.5'} />
      {label}
      {permitted.reason ? <span className="sr-only">{` (${permitted.reason})`}</span> : null}
    </Button>
  )
}

export interface ScanServiceDialogProps {
  open: boolean
  onClose: () => void
  title: string
  description: string
  submitLabel: string
  /** The submit button while the mutation runs: "Queuing…". */
  pendingLabel: string
  mutation: DialogMutation
  onSubmit: (service: ScanService) => void
  /** Once set, shown instead of the form, with a Done button that closes the dialog. */
  result?: ReactNode
}

/**
 * Asks which scan service to use, then runs the scan mutation; its error shows in the form.
 * The chosen service outlives a close, so a second scan starts from the last choice.
 */
export function ScanServiceDialog({
  open,
  onClose,
  title,
  description,
  submitLabel,
  pendingLabel,
  mutation,
  onSubmit,
  result,
}: ScanServiceDialogProps) {
  const [service, setService] = useState<ScanService>('ACR_SCAN_SERVICE')
  const formId = useId()
  const doneRef = useRef<HTMLButtonElement>(null)
  const done = result !== undefined && result !== null
  // The submit button goes away with the result: focus moves to the button that closes it.
  useEffect(() => {
    if (done) doneRef.current?.focus()
  }, [done])
  const close = () => {
    mutation.reset()
    onClose()
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onSubmit(service)
  }
  return (
    <Dialog
      open={open}
      onClose={close}
      title={title}
      description={description}
      footer={
        done ? (
          <Button ref={doneRef} variant="primary" onClick={close}>
            Done
          </Button>
        ) : (
          <>
            <Button onClick={close}>Cancel</Button>
            <Button type="submit" form={formId} variant="primary" disabled={mutation.isPending}>
              {mutation.isPending ? pendingLabel : submitLabel}
            </Button>
          </>
        )
      }
    >
      {done ? (
        result
      ) : (
        <form id={formId} onSubmit={submit} className="flex flex-col gap-3" aria-label="Scan options">
          <ScanServiceChoice value={service} onChange={setService} disabled={mutation.isPending} />
          <InlineError error={mutation.error} />
        </form>
      )}
    </Dialog>
  )
}
