import { useState, type FormEvent } from 'react'
import { roles, type Role } from '@contract/auth'
import { isApiError } from '@/api/api-error'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { InlineError } from '@/components/ui/inline-error'
import { Input } from '@/components/ui/input'
import { Select } from '@/components/ui/select'
import { useCreateApiToken } from '../api/create-api-token'
import { TokenSecret } from './token-secret'

const roleOptions = roles.map((r) => ({ value: r, label: `${r[0]?.toUpperCase() ?? ''}${r.slice(1)}` }))
const expiryOptions = [
  { value: '', label: 'Never' },
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '1 year' },
]

export interface CreateTokenDialogProps {
  open: boolean
  onClose: () => void
}

/** Name, role and lifetime of a new token; afterwards the token itself, this once. */
export function CreateTokenDialog({ open, onClose }: CreateTokenDialogProps) {
  const [name, setName] = useState('')
  const [role, setRole] = useState<Role>('viewer')
  const [expires, setExpires] = useState('90')
  const create = useCreateApiToken()
  const close = () => {
    create.reset()
    setName('')
    onClose()
  }
  const fieldErrors = isApiError(create.error) ? create.error.fieldErrors : {}
  // Field errors show under their fields; only an error about no field gets the banner.
  const otherError = Object.keys(fieldErrors).length === 0 ? create.error : null
  const submit = (event: FormEvent) => {
    event.preventDefault()
    create.mutate({ name: name.trim(), role, ...(expires ? { expiresInDays: Number(expires) } : {}) })
  }
  const created = create.data

  return (
    <Dialog
      open={open}
      onClose={close}
      title={created ? `Token for ${created.token.name}` : 'Create API token'}
      description={created ? undefined : 'For a script (Authorization: Bearer …) or a person (the sign-in page).'}
      footer={
        created ? (
          <Button variant="primary" onClick={close}>
            Done
          </Button>
        ) : (
          <>
            <Button onClick={close}>Cancel</Button>
            <Button variant="primary" type="submit" form="create-token-form" disabled={create.isPending}>
              {create.isPending ? 'Creating…' : 'Create token'}
            </Button>
          </>
        )
      }
    >
      {created ? (
        <TokenSecret secret={created.secret} role={created.token.role} />
      ) : (
        <form id="create-token-form" onSubmit={submit} className="flex flex-col gap-3" noValidate>
          <Input label="Name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={64} errors={fieldErrors.name} hint="Who or what uses it; the audit log shows this name." data-autofocus />
          <Select label="Role" value={role} onChange={(e) => setRole(e.target.value as Role)} options={roleOptions} errors={fieldErrors.role} hint="Viewer reads reports; operator also starts scans and manages rules; approver also decides exceptions; admin also manages instances, tokens and the audit log." />
          <Select label="Expires" value={expires} onChange={(e) => setExpires(e.target.value)} options={expiryOptions} errors={fieldErrors.expiresInDays} />
          <InlineError error={otherError} />
        </form>
      )}
    </Dialog>
  )
}
