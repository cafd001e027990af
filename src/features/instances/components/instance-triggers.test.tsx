import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import type { InstanceTriggers } from '@contract/instances'
import { PollIntervalForm } from './poll-interval-form'
import { WebhookSecretPanel } from './webhook-secret-panel'

const webhook: InstanceTriggers['webhook'] = {
  configured: true,
  path: '/api/hooks/registry/cri-abc',
  header: 'X-Layerscope-Webhook-Secret',
  secretSetTime: Date.now() - 60_000,
  lastDeliveryTime: null,
}
const noop = () => undefined

describe('WebhookSecretPanel', () => {
  it('shows the URL and header, and the secret with the registry config only right after a rotation', () => {
    const props = { webhook, origin: 'https://ls.example.com', pending: false, onRotate: noop, onRemove: noop }
    const quiet = renderToStaticMarkup(<WebhookSecretPanel {...props} revealedSecret={null} />)
    expect(quiet).toContain('https://ls.example.com/api/hooks/registry/cri-abc')
    expect(quiet).toContain('X-Layerscope-Webhook-Secret')
    expect(quiet).toContain('Rotate secret')
    expect(quiet).not.toContain('notifications:')

    const shown = renderToStaticMarkup(<WebhookSecretPanel {...props} revealedSecret="lswh_secret1" />)
    expect(shown).toContain('it is not shown again')
    expect(shown).toContain('lswh_secret1')
    expect(shown).toContain('X-Layerscope-Webhook-Secret: [lswh_secret1]')
  })

  it('offers to make a secret when there is none', () => {
    const html = renderToStaticMarkup(
      <WebhookSecretPanel webhook={{ ...webhook, configured: false, secretSetTime: null }} origin="http://x" revealedSecret={null} pending={false} onRotate={noop} onRemove={noop} />,
    )
    expect(html).toContain('Make a secret')
    expect(html).not.toContain('Remove')
  })
})

describe('PollIntervalForm', () => {
  it('shows the interval, an interval no preset names, and the last failure', () => {
    const html = renderToStaticMarkup(
      <PollIntervalForm poll={{ intervalSeconds: 90, lastPollTime: null, nextPollTime: Date.now() + 1000, lastError: 'registry unreachable' }} pending={false} onChange={noop} />,
    )
    expect(html).toContain('Every 90 seconds')
    expect(html).toContain('<option value="90" selected="">')
    expect(html).toContain('The last poll failed')
    expect(html).toContain('registry unreachable')
  })

  it('is off with no interval, and says nothing of polls', () => {
    const html = renderToStaticMarkup(<PollIntervalForm poll={{ intervalSeconds: null, lastPollTime: null, nextPollTime: null, lastError: null }} pending={false} onChange={noop} />)
    expect(html).toContain('<option value="off" selected="">Off</option>')
    expect(html).not.toContain('Last poll')
  })
})
