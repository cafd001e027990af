import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { ConnectionChecklist } from './connection-checklist'

describe('ConnectionChecklist', () => {
  it('marks the failed step as the current one and names each status in words', () => {
    const html = renderToStaticMarkup(
      <ConnectionChecklist
        kind="STACKROX"
        checks={[
          { step: 'resolve', status: 'PASSED', detail: 'central.example.com resolves to 10.0.0.5.' },
          { step: 'api', status: 'FAILED', detail: 'not Central' },
          { step: 'credentials', status: 'NOT_RUN', detail: null },
        ]}
      />,
    )
    const items = html.split('<li').slice(1)
    expect(items).toHaveLength(3)
    expect(items[1]).toContain('aria-current="step"')
    expect(items[1]).toContain('Central API')
    expect(items[1]).toContain('Failed')
    expect(items[0]).not.toContain('aria-current')
    expect(items[0]).toContain('10.0.0.5')
    expect(items[2]).toContain('API token')
    expect(items[2]).toContain('Not run')
  })

  it('renders nothing without steps', () => {
    expect(renderToStaticMarkup(<ConnectionChecklist kind="DIRECTORY" checks={[]} />)).toBe('')
  })
})
