import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Button } from '@/components/ui/button'
import { describeError } from '@/components/ui/error-state'
import { CopyIcon } from '@/components/ui/icons'
import { plural } from '@/lib/format'
import { fixCommandsOptions } from '../api/list-fix-commands'
import type { ListVulnerabilitiesParams } from '../api/list-vulnerabilities'

export interface CopyFixCommandsButtonProps {
  params: ListVulnerabilitiesParams
}

/**
 * Copies the fix commands of every row the current filters select (not just this page),
 * read with the API's `filterValue=FixCmd`, one per line and without repeats.
 */
export function CopyFixCommandsButton({ params }: CopyFixCommandsButtonProps) {
  const queryClient = useQueryClient()
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null)
  const [busy, setBusy] = useState(false)
  const copy = async () => {
    setBusy(true)
    setMessage(null)
    try {
      const { pageNo: _pageNo, pageSize: _pageSize, ...filters } = params
      const commands = await queryClient.fetchQuery(fixCommandsOptions(filters))
      if (commands.length === 0) {
        setMessage({ text: 'No fix commands for these rows', failed: false })
        return
      }
      await navigator.clipboard.writeText(commands.join('\n'))
      setMessage({ text: `Copied ${commands.length} ${plural(commands.length, 'command', 'commands')}`, failed: false })
    } catch (error) {
      setMessage({ text: `Copy failed: ${describeError(error).message}`, failed: true })
    } finally {
      setBusy(false)
    }
  }
  return (
    <span className="inline-flex items-center gap-2">
      <Button size="md" onClick={() => void copy()} disabled={busy}>
        <CopyIcon className="size-3.5" />
        {busy ? 'Copying…' : 'Copy fix commands'}
      </Button>
      <span role="status" className={message?.failed ? 'text-xs text-danger' : 'text-xs text-fg-muted'}>
        {message?.text ?? ''}
      </span>
    </span>
  )
}
