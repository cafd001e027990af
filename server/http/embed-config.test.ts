import { describe, expect, it } from 'vitest'
import { embedOriginsContent, injectEmbedOrigins } from './embed-config'

const INDEX = '<!doctype html><html><head><title>Layerscope</title></head><body><div id="root"></div></body></html>'

describe('embedOriginsContent', () => {
  it('is none when embedding is off, else the sources separated by spaces', () => {
    expect(embedOriginsContent('none')).toBe('none')
    expect(embedOriginsContent(["'self'", 'https://portal.example.com', 'https://*.corp.example.com'])).toBe("'self' https://portal.example.com https://*.corp.example.com")
  })
})

describe('injectEmbedOrigins', () => {
  it('puts the meta element at the end of <head>', () => {
    expect(injectEmbedOrigins(INDEX, ["'self'", 'http://127.0.0.1:9097'])).toBe(
      `<!doctype html><html><head><title>Layerscope</title><meta name="layerscope-embed-origins" content="'self' http://127.0.0.1:9097"></head><body><div id="root"></div></body></html>`,
    )
    expect(injectEmbedOrigins(INDEX, 'none')).toContain('<meta name="layerscope-embed-origins" content="none"></head>')
  })

  it('escapes the attribute value, whatever the list holds', () => {
    // parseFrameAncestors never lets these through; the escaping does not rely on it.
    expect(injectEmbedOrigins(INDEX, ['https://a.example.com"><script>x()</script>'])).toContain(
      'content="https://a.example.com&quot;&gt;&lt;script&gt;x()&lt;/script&gt;"',
    )
  })

  it('refuses an index.html without </head>', () => {
    expect(() => injectEmbedOrigins('<html><body></body></html>', ["'self'"])).toThrow(/<\/head>/)
  })
})
