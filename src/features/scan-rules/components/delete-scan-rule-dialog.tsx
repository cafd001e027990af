import type { ScanRule } from '@contract/scan-rules'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { describeError } from '@/components/ui/error-state'
import { useDeleteScanRule } from '../api/delete-scan-rule'

export interface DeleteScanRuleDialogProps {
  rule: Pick<ScanRule, 'instanceId' | 'scanRuleId' | 'ruleName'>
  open: boolean
  onClose: () => void
  onDeleted?: () => void
}

/** Asks before deleting a rule; Cancel has focus, so Enter alone never deletes. */
export function DeleteScanRuleDialog({ rule, open, onClose, onDeleted }: DeleteScanRuleDialogProps) {
  const deletion = useDeleteScanRule()
  const close = () => {
    deletion.reset()
    onClose()
  }
  const confirm = () => {
    deletion.mutate(rule, {
      onSuccess: () => {
        close()
        onDeleted?.()
      },
    })
  }
  const error = deletion.error ? describeError(deletion.error) : null
  return (
    <Dialog
      open={open}
      onClose={close}
      role="alertdialog"
      title={`Delete rule ${rule.ruleName}?`}
      description="Scans the rule already started, and their reports, are kept."
      footer={
        <>
          <Button onClick={close} data-autofocus>
            Cancel
          </Button>
          <Button variant="danger" onClick={confirm} disabled={deletion.isPending}>
            {deletion.isPending ? 'Deleting…' : 'Delete rule'}
          </Button>
        </>
      }
    >
      <p className="text-sm">The rule stops scanning matching tags: nothing is scanned on push or run by it again.</p>
      {error ? (
        <p role="alert" className="mt-3 rounded-md border border-danger/40 bg-danger-soft px-3 py-2 text-sm text-danger">
          {error.message}{' '}
          <span className="text-xs">
            ({error.code}
            {error.requestId ? `, request ${error.requestId}` : ''})
          </span>
        </p>
      ) : null}
    </Dialog>
  )
}
