import { useState } from 'react'
import { Button } from '@/components/ui/button'
import { Input } from '@/components/ui/input'

export interface BulkDecisionBarProps {
  count: number
  busy: boolean
  onDecide: (decision: 'approve' | 'deny', comment: string) => void
  onClear: () => void
}

/** Approve or deny the selected requests with one comment, which the history keeps. */
export function BulkDecisionBar({ count, busy, onDecide, onClear }: BulkDecisionBarProps) {
  const [comment, setComment] = useState('')
  const ready = count > 0 && comment.trim() !== '' && !busy
  return (
    <section aria-label="Decide selected requests" className="flex flex-wrap items-end gap-2 rounded border border-line p-3">
      <p className="w-full text-sm text-fg-muted" aria-live="polite">
        {count === 0 ? 'Select pending requests to approve or deny them.' : `${count} selected.`}
      </p>
      <Input label="Decision comment" value={comment} onChange={(e) => setComment(e.target.value)} placeholder="Why: kept in each exception’s history" fieldClassName="w-96" />
      <Button variant="primary" disabled={!ready} onClick={() => onDecide('approve', comment.trim())}>
        Approve selected
      </Button>
      <Button variant="danger" disabled={!ready} onClick={() => onDecide('deny', comment.trim())}>
        Deny selected
      </Button>
      <Button variant="ghost" disabled={count === 0 || busy} onClick={onClear}>
        Clear selection
      </Button>
    </section>
  )
}
