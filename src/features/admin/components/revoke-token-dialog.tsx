import type { ApiToken } from '@contract/auth'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { describeError } from '@/components/ui/error-state'
import { useRevokeApiToken } from '../api/revoke-api-token'

export interface RevokeTokenDialogProps {
  token: Pick<ApiToken, 'tokenId' | 'name' | 'role'>
  open: boolean
  onClose: () => void
}

export function RevokeTokenDialog({ token, open, onClose }: RevokeTokenDialogProps) {
  const revoke = useRevokeApiToken()
  const close = () => {
    revoke.reset()
    onClose()
  }
  const error = revoke.error ? describeError(revoke.error) : null
  return (
    <Dialog
      open={open}
      onClose={close}
      role="alertdialog"
      title={`Revoke ${token.name}?`}
      description="This cannot be undone; make a new token if it is needed again."
      footer={
        <>
          <Button onClick={close} data-autofocus>
            Cancel
          </Button>
          <Button variant="danger" onClick={() => revoke.mutate(token.tokenId, { onSuccess: close })} disabled={revoke.isPending}>
            {revoke.isPending ? 'Revoking…' : 'Revoke token'}
          </Button>
        </>
      }
    >
      <p className="text-sm">
        Scripts sending this {token.role} token are refused from now on, and everyone signed in with it is signed out.
      </p>
      {error ? (
        <p role="alert" className="mt-3 rounded-md border border-danger/40 bg-danger-soft px-3 py-2 text-sm text-danger">
          {error.message} <span className="text-xs">({error.code})</span>
        </p>
      ) : null}
    </Dialog>
  )
}
