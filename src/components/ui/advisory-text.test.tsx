import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { AdvisoryText } from './advisory-text'

describe('AdvisoryText', () => {
  it('draws headings, lists, code and http(s) links as elements, opening links in a new tab', () => {
    const html = renderToStaticMarkup(<AdvisoryText text={'# Impact\n- `log4j-core` is affected\n\nSee [NVD](https://nvd.nist.gov/vuln/detail/CVE-2021-44228).'} />)
    expect(html).toContain('<p class="text-fg font-semibold"><span>Impact</span></p>')
    expect(html).toContain('<li><code')
    expect(html).toContain('href="https://nvd.nist.gov/vuln/detail/CVE-2021-44228" target="_blank" rel="noreferrer noopener"')
    expect(html).not.toContain('# Impact')
  })

  it('escapes markup and drops non-http links', () => {
    const html = renderToStaticMarkup(<AdvisoryText text={'<img src=x onerror=alert(1)> [x](javascript:alert(1))'} />)
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(html).not.toContain('<img')
    expect(html).not.toContain('href=')
  })
})
