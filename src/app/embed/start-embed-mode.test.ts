import { describe, expect, it } from 'vitest'
import { startEmbedMode } from './start-embed-mode'

/** Just enough of `window` for startEmbedMode: the URL, history and the meta element. */
function fakeWindow(href: string, metaContent: string | null) {
  const url = new URL(href)
  const replaced: string[] = []
  const win = {
    location: url,
    history: {
      state: { idx: 0 },
      replaceState: (_state: unknown, _unused: string, next: string) => {
        replaced.push(next)
      },
    },
    document: {
      querySelector: (selector: string) => (metaContent !== null && selector === 'meta[name="layerscope-embed-origins"]' ? { content: metaContent } : null),
    },
  }
  return { win: win as unknown as Window, replaced }
}

describe('startEmbedMode', () => {
  it('leaves a page that is not embedded alone', () => {
    const { win, replaced } = fakeWindow('https://ls.example.com/instances?pageNo=2', "'self'")
    expect(startEmbedMode(win)).toBeNull()
    expect(replaced).toEqual([])
  })

  it('moves ?embed=1 under /embed in place and reads the allowed origins', () => {
    const { win, replaced } = fakeWindow('https://ls.example.com/instances/demo?embed=1&links=tab', "'self' https://portal.example.com")
    expect(startEmbedMode(win)).toEqual({ options: { theme: null, links: 'tab' }, allowedOrigins: ["'self'", 'https://portal.example.com'] })
    expect(replaced).toEqual(['/embed/instances/demo?links=tab'])
  })

  it('does not touch a URL already under /embed, and allows no parent without the meta element', () => {
    const { win, replaced } = fakeWindow('https://ls.example.com/embed/instances?theme=dark', null)
    expect(startEmbedMode(win)).toEqual({ options: { theme: 'dark', links: 'frame' }, allowedOrigins: [] })
    expect(replaced).toEqual([])
  })
})
