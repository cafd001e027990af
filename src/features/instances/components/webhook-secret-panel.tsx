import type { InstanceTriggers } from '@contract/instances'
import { Button } from '@/components/ui/button'
import { CopyButton } from '@/components/ui/copy-button'
import { RelativeTime } from '@/components/ui/time'
import { registryNotificationConfig, webhookUrl } from '../lib/webhook-config'

export interface WebhookSecretPanelProps {
  webhook: InstanceTriggers['webhook']
  /** This server's origin as the browser reaches it; the registry must reach it the same way. */
  origin: string
  /** The secret just made by a rotation: shown this once, never readable again. */
  revealedSecret: string | null
  pending: boolean
  onRotate: () => void
  onRemove: () => void
}

/** The registry webhook: whether a secret is set, rotating or removing it, and the config to paste once it is made. */
export function WebhookSecretPanel({ webhook, origin, revealedSecret, pending, onRotate, onRemove }: WebhookSecretPanelProps) {
  const url = webhookUrl(origin, webhook.path)
  return (
    <section aria-labelledby="webhook-heading" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h3 id="webhook-heading" className="text-sm font-semibold text-fg">
            Push notifications
          </h3>
          <p className="text-xs text-fg-muted">
            {webhook.configured ? (
              <>
                Secret set <RelativeTime value={webhook.secretSetTime} className="text-fg" />; last notification{' '}
                <RelativeTime value={webhook.lastDeliveryTime} fallback="never" className="text-fg" />.
              </>
            ) : (
              'No secret: notifications are refused. Make one to scan pushed tags that AUTO rules match.'
            )}
          </p>
        </div>
        <div className="flex gap-2">
          <Button size="sm" variant={webhook.configured ? 'secondary' : 'primary'} disabled={pending} onClick={onRotate}>
            {webhook.configured ? 'Rotate secret' : 'Make a secret'}
          </Button>
          {webhook.configured ? (
            <Button size="sm" variant="ghost" disabled={pending} onClick={onRemove}>
              Remove
            </Button>
          ) : null}
        </div>
      </div>
      <dl className="grid grid-cols-[auto_1fr] items-center gap-x-3 gap-y-1 text-xs">
        <dt className="text-fg-muted">URL</dt>
        <dd className="flex items-center gap-1 break-all">
          <code>{url}</code> <CopyButton value={url} label="Copy webhook URL" />
        </dd>
        <dt className="text-fg-muted">Header</dt>
        <dd>
          <code>{webhook.header}</code>
        </dd>
      </dl>
      {revealedSecret ? <RevealedSecret url={url} header={webhook.header} secret={revealedSecret} /> : null}
    </section>
  )
}

function RevealedSecret({ url, header, secret }: { url: string; header: string; secret: string }) {
  const config = registryNotificationConfig({ url, header, secret })
  return (
    <div role="status" className="flex flex-col gap-2 rounded-md border border-warning/50 bg-warning-soft p-3 text-xs">
      <p className="font-medium text-fg">Copy the secret now: it is not shown again (the server keeps only its hash).</p>
      <p className="flex items-center gap-1 break-all">
        <code>{secret}</code> <CopyButton value={secret} label="Copy webhook secret" />
      </p>
      <p className="text-fg-muted">
        For a CNCF distribution registry (<code>docker-registry</code>), add this to its <code>config.yml</code> and restart it:
      </p>
      <div className="flex items-start gap-1">
        {/* Wrapped, not scrolled: a scrolling block would need its own tab stop; the copy button copies it exactly. */}
        <pre className="min-w-0 flex-1 rounded bg-surface p-2 font-mono break-all whitespace-pre-wrap">{config}</pre>
        <CopyButton value={config} label="Copy registry configuration" />
      </div>
    </div>
  )
}
