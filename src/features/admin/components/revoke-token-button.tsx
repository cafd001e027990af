import { useState } from 'react'
import type { ApiToken } from '@contract/auth'
import { Button } from '@/components/ui/button'
import { RevokeTokenDialog } from './revoke-token-dialog'

export function RevokeTokenButton({ token }: { token: ApiToken }) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <Button size="sm" variant="danger" onClick={() => setOpen(true)}>
        Revoke<span className="sr-only"> {token.name}</span>
      </Button>
      <RevokeTokenDialog token={token} open={open} onClose={() => setOpen(false)} />
    </>
  )
}
