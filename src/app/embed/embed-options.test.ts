import { describe, expect, it } from 'vitest'
import { isEmbeddedAppUrl, parseEmbedLocation, standaloneUrl } from './embed-options'

const at = (pathname: string, search = '', hash = '') => parseEmbedLocation({ pathname, search, hash })

describe('parseEmbedLocation', () => {
  it('leaves pages that do not ask for embedding alone', () => {
    expect(at('/instances')).toBeNull()
    expect(at('/instances', '?embed=0')).toBeNull()
    expect(at('/instances', '?theme=dark&links=tab')).toBeNull()
    expect(at('/embedded-thing')).toBeNull()
  })

  it('moves ?embed=1 under /embed, keeping the query string, the options and the hash', () => {
    expect(at('/instances/demo/scans/t1', '?embed=1&tab=baseline&theme=dark', '#top')).toEqual({
      options: { theme: 'dark', links: 'frame' },
      url: '/embed/instances/demo/scans/t1?tab=baseline&theme=dark#top',
    })
    expect(at('/', '?embed=1')).toEqual({ options: { theme: null, links: 'frame' }, url: '/embed/' })
  })

  it('reads /embed paths as they are, with or without the flag', () => {
    expect(at('/embed/instances', '?links=tab&theme=light')).toEqual({
      options: { theme: 'light', links: 'tab' },
      url: '/embed/instances?links=tab&theme=light',
    })
    expect(at('/embed', '')?.url).toBe('/embed/')
    expect(at('/embed/instances', '?embed=1&pageNo=2')?.url).toBe('/embed/instances?pageNo=2')
  })

  it('falls back to the defaults for unknown option values', () => {
    expect(at('/embed/instances', '?theme=purple&links=popup')?.options).toEqual({ theme: null, links: 'frame' })
  })
})

describe('standaloneUrl', () => {
  it('takes an embedded page out of /embed and drops the embedding keys', () => {
    expect(standaloneUrl(new URL('https://ls.example.com/embed/instances/demo?links=tab&theme=dark&pageNo=2#x')).href).toBe(
      'https://ls.example.com/instances/demo?pageNo=2#x',
    )
    expect(standaloneUrl(new URL('https://ls.example.com/embed')).href).toBe('https://ls.example.com/')
    expect(standaloneUrl(new URL('https://ls.example.com/instances?embed=1')).href).toBe('https://ls.example.com/instances')
  })
})

describe('isEmbeddedAppUrl', () => {
  it('is true under /embed only', () => {
    expect(isEmbeddedAppUrl(new URL('https://ls.example.com/embed/instances'))).toBe(true)
    expect(isEmbeddedAppUrl(new URL('https://ls.example.com/embed'))).toBe(true)
    expect(isEmbeddedAppUrl(new URL('https://ls.example.com/instances'))).toBe(false)
    expect(isEmbeddedAppUrl(new URL('https://ls.example.com/embedx'))).toBe(false)
  })
})
