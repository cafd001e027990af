import { useState } from 'react'
import type { LegacyScanRule } from '@contract/scan-rules'
import { Button } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { InlineError } from '@/components/ui/inline-error'
import { TrashIcon } from '@/components/ui/icons'
import { usePermitted, type Permission } from '@/hooks/use-permitted'
import { useDeleteLegacyScanRule } from '../api/delete-legacy-scan-rule'
import { useMoveLegacyScanRule } from '../api/move-legacy-scan-rule'
import { movingReason, RULES_UPSTREAM } from '../lib/legacy-rules'

export interface LegacyRuleActionsProps {
  rule: Pick<LegacyScanRule, 'instanceId' | 'scanRuleId' | 'ruleName' | 'moveStartedTime'>
}

/**
 * A row button's accessible name: which rule it acts on (every row has the same buttons)
 * and, when disabled, why (a `title` alone is not announced reliably).
 */
const nameOf = (action: string, permitted: Permission) => (permitted.reason ? `${action} (${permitted.reason})` : action)

/** A role that may act, held back while another request moves the rule. */
const heldBy = (permitted: Permission, moving: string | null): Permission => (permitted.allowed && moving ? { allowed: false, reason: moving } : permitted)

/**
 * A legacy rule's two ways out: create it upstream (the server then drops our copy) or
 * delete our copy after a confirmation. A failed create keeps the rule and shows the
 * upstream's error under the buttons, next to the rule it is about. While another request
 * is creating it upstream, both wait, and the row says so.
 */
export function LegacyRuleActions({ rule }: LegacyRuleActionsProps) {
  const move = useMoveLegacyScanRule()
  const deletion = useDeleteLegacyScanRule()
  const [confirming, setConfirming] = useState(false)
  const moving = movingReason(rule)
  const mayMove = heldBy(usePermitted('moveLegacyScanRule'), moving)
  const mayDelete = heldBy(usePermitted('deleteLegacyScanRule'), moving)
  return (
    <div className="ml-auto flex max-w-96 flex-col items-end gap-2">
      <div className="flex flex-wrap justify-end gap-2">
        <Button
          size="sm"
          variant="primary"
          onClick={() => move.mutate(rule)}
          disabled={!mayMove.allowed || move.isPending || deletion.isPending}
          title={mayMove.reason ?? undefined}
          aria-label={nameOf(`Create ${rule.ruleName} in ${RULES_UPSTREAM}`, mayMove)}
        >
          {move.isPending ? 'Creating…' : `Create in ${RULES_UPSTREAM}`}
        </Button>
        <Button
          size="sm"
          onClick={() => setConfirming(true)}
          disabled={!mayDelete.allowed || move.isPending}
          title={mayDelete.reason ?? undefined}
          aria-label={nameOf(`Delete ${rule.ruleName}`, mayDelete)}
        >
          <TrashIcon className="size-3.5" />
          Delete
        </Button>
      </div>
      {moving && (
        <p role="status" className="text-right text-xs text-fg-muted">
          {moving}.
        </p>
      )}
      <InlineError error={move.error} className="text-left" />
      <ConfirmDialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={`Delete rule ${rule.ruleName}?`}
        description={`Only the copy saved in Layerscope is deleted; ${RULES_UPSTREAM} is not changed.`}
        confirmLabel="Delete rule"
        pendingLabel="Deleting…"
        mutation={deletion}
        onConfirm={(close) => deletion.mutate(rule, { onSuccess: close })}
      >
        The rule has not run since this instance’s rules moved to {RULES_UPSTREAM}; once deleted it cannot be created there from here.
      </ConfirmDialog>
    </div>
  )
}
