import type { ApiToken } from '@contract/auth'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { useRevokeApiToken } from '../api/revoke-api-token'

export interface RevokeTokenDialogProps {
  token: Pick<ApiToken, 'tokenId' | 'name' | 'role'>
  open: boolean
  onClose: () => void
}

export function RevokeTokenDialog({ token, open, onClose }: RevokeTokenDialogProps) {
  const revoke = useRevokeApiToken()
  return (
    <ConfirmDialog
      open={open}
      onClose={onClose}
      title={`Revoke ${token.name}?`}
      description="This cannot be undone; make a new token if it is needed again."
      confirmLabel="Revoke token"
      pendingLabel="Revoking…"
      mutation={revoke}
      onConfirm={(close) => revoke.mutate(token.tokenId, { onSuccess: close })}
    >
      Scripts sending this {token.role} token are refused from now on, and everyone signed in with it is signed out.
    </ConfirmDialog>
  )
}
