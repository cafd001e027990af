import type { ScanRule } from '@contract/scan-rules'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { useDeleteScanRule } from '../api/delete-scan-rule'

export interface DeleteScanRuleDialogProps {
  rule: Pick<ScanRule, 'instanceId' | 'scanRuleId' | 'ruleName'>
  open: boolean
  onClose: () => void
  onDeleted?: () => void
}

/** Asks before deleting a rule; the reports of scans it started stay. */
export function DeleteScanRuleDialog({ rule, open, onClose, onDeleted }: DeleteScanRuleDialogProps) {
  const deletion = useDeleteScanRule()
  return (
    <ConfirmDialog
      open={open}
      onClose={onClose}
      title={`Delete rule ${rule.ruleName}?`}
      description="Scans the rule already started, and their reports, are kept."
      confirmLabel="Delete rule"
      pendingLabel="Deleting…"
      mutation={deletion}
      onConfirm={(close) =>
        deletion.mutate(rule, {
          onSuccess: () => {
            close()
            onDeleted?.()
          },
        })
      }
    >
      The rule stops scanning matching tags: nothing is scanned on push or run by it again.
    </ConfirmDialog>
  )
}
