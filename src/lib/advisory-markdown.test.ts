import { describe, expect, it } from 'vitest'
import { parseAdvisoryMarkdown, parseInlines } from './advisory-markdown'

describe('parseAdvisoryMarkdown', () => {
  it('reads an OSV advisory body: headings, paragraphs joined across lines, lists and links', () => {
    const text = [
      '### Summary',
      'Log4j versions prior to 2.16.0 are subject to',
      'a remote code execution vulnerability.',
      '',
      '# Affected packages',
      '- `log4j-core` 2.0 to 2.14.1',
      '* See the [Apache advisory](https://logging.apache.org/log4j/2.x/security.html "Apache")',
      '',
      '```',
      'log4j2.formatMsgNoLookups=true',
      '```',
    ].join('\n')
    expect(parseAdvisoryMarkdown(text)).toEqual([
      { kind: 'heading', inlines: [{ kind: 'text', text: 'Summary' }] },
      { kind: 'paragraph', inlines: [{ kind: 'text', text: 'Log4j versions prior to 2.16.0 are subject to a remote code execution vulnerability.' }] },
      { kind: 'heading', inlines: [{ kind: 'text', text: 'Affected packages' }] },
      {
        kind: 'list',
        items: [
          [{ kind: 'code', text: 'log4j-core' }, { kind: 'text', text: ' 2.0 to 2.14.1' }],
          [{ kind: 'text', text: 'See the ' }, { kind: 'link', text: 'Apache advisory', href: 'https://logging.apache.org/log4j/2.x/security.html' }],
        ],
      },
      { kind: 'code', text: 'log4j2.formatMsgNoLookups=true' },
    ])
  })

  it('keeps only http(s) links; any other target is left as its text', () => {
    expect(parseInlines('[click](javascript:alert(1)) and [doc](/relative) and [x](data:text/html,hi)')).toEqual([
      // The first link's target ends at its first ")": what follows is text, as Markdown reads it.
      { kind: 'text', text: 'click) and doc and x' },
    ])
    expect(parseInlines('see [](https://nvd.nist.gov/vuln/detail/CVE-2021-44228)')).toEqual([
      { kind: 'text', text: 'see ' },
      { kind: 'link', text: 'https://nvd.nist.gov/vuln/detail/CVE-2021-44228', href: 'https://nvd.nist.gov/vuln/detail/CVE-2021-44228' },
    ])
  })

  it('leaves markup as text: nothing is HTML', () => {
    expect(parseAdvisoryMarkdown('<script>alert(1)</script> <img src=x onerror=alert(1)>')).toEqual([
      { kind: 'paragraph', inlines: [{ kind: 'text', text: '<script>alert(1)</script> <img src=x onerror=alert(1)>' }] },
    ])
  })

  it('answers nothing for an empty text, and a lone paragraph for plain text', () => {
    expect(parseAdvisoryMarkdown('')).toEqual([])
    expect(parseAdvisoryMarkdown('  \n\n')).toEqual([])
    expect(parseAdvisoryMarkdown('A plain description.')).toEqual([{ kind: 'paragraph', inlines: [{ kind: 'text', text: 'A plain description.' }] }])
  })
})
