import type { Role } from '@contract/auth'
import { CopyButton } from '@/components/ui/copy-button'

export interface TokenSecretProps {
  secret: string
  role: Role
}

/** The new token, shown once: only its hash is kept, so closing the dialog loses it for good. */
export function TokenSecret({ secret, role }: TokenSecretProps) {
  return (
    <div className="flex flex-col gap-3 text-sm">
      <p role="status">
        Copy this {role} token now. It is shown <strong>only once</strong>: Layerscope keeps just a hash of it.
      </p>
      <div className="flex items-center gap-2 rounded-md border border-line bg-surface-muted px-3 py-2">
        <code className="min-w-0 flex-1 break-all text-xs" aria-label="New API token">
          {secret}
        </code>
        <CopyButton value={secret} label="Copy token" />
      </div>
      <p className="text-fg-muted">
        Scripts send it as <code>Authorization: Bearer …</code>; people paste it on the sign-in page.
      </p>
    </div>
  )
}
