import { describe, expect, it } from 'vitest'
import { linkAction } from './link-behaviour'

const HERE = 'https://ls.example.com/embed/instances/demo?links=tab'

describe('linkAction', () => {
  it('keeps app links in the frame with links=frame', () => {
    expect(linkAction('/embed/instances/demo/scans', HERE, 'frame')).toEqual({ kind: 'default' })
  })

  it('opens app links in the full app in a new tab with links=tab', () => {
    expect(linkAction('/embed/instances/demo/scans?pageNo=2', HERE, 'tab')).toEqual({ kind: 'new-tab', url: 'https://ls.example.com/instances/demo/scans?pageNo=2' })
  })

  it('always opens other origins in a new tab', () => {
    for (const mode of ['frame', 'tab'] as const) {
      expect(linkAction('https://nvd.nist.gov/vuln/detail/CVE-2024-1', HERE, mode)).toEqual({ kind: 'new-tab', url: 'https://nvd.nist.gov/vuln/detail/CVE-2024-1' })
      expect(linkAction('http://ls.example.com/embed/instances', HERE, mode)).toEqual({ kind: 'new-tab', url: 'http://ls.example.com/embed/instances' })
    }
  })

  it('opens same-origin pages outside the app (API docs) in a new tab', () => {
    expect(linkAction('/api/docs', HERE, 'frame')).toEqual({ kind: 'new-tab', url: 'https://ls.example.com/api/docs' })
  })

  it('leaves in-page anchors and other schemes to the browser', () => {
    expect(linkAction('#main-content', HERE, 'tab')).toEqual({ kind: 'default' })
    expect(linkAction('mailto:sec@example.com', HERE, 'tab')).toEqual({ kind: 'default' })
  })
})
