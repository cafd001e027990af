import { describe, expect, it } from 'vitest'
import { parseHeaderBlocks } from './header-fields'
import { normalizePypiName, pypiAnalyzer, pypiLicenses } from './pypi'

// PyYAML 5.3.1's METADATA as pip installs it (long description trimmed).
const PYYAML = `Metadata-Version: 2.1
Name: PyYAML
Version: 5.3.1
Summary: YAML parser and emitter for Python
Home-page: https://github.com/yaml/pyyaml
Author: Kirill Simonov
Author-email: xi@resolvent.net
License: MIT
Platform: Any
Classifier: Development Status :: 5 - Production/Stable
Classifier: License :: OSI Approved :: MIT License
Classifier: Programming Language :: Python :: 3.8
Requires-Python: >=2.7, !=3.0.*, !=3.1.*, !=3.2.*, !=3.3.*, !=3.4.*

YAML is a data serialization format designed for human readability
License: not a header, part of the description
`

// A setuptools-era PKG-INFO whose License field holds the licence text, classifiers naming it.
const EGG_PKG_INFO = `Metadata-Version: 1.2
Name: zope.interface
Version: 5.4.0
Summary: Interfaces for Python
License: Zope Public License, Version 2.1 (ZPL)
        Copyright (c) Zope Foundation and Contributors.
        All Rights Reserved.
Classifier: License :: OSI Approved :: Zope Public License
Classifier: License :: OSI Approved
`

const analyze = async (path: string, text: string) => pypiAnalyzer.analyze({ path, bytes: Buffer.from(text), mode: 0o644 })

describe('pypi analyzer', () => {
  it('keeps the declared name and puts the PEP 503 name in the purl', async () => {
    const path = 'usr/lib/python3.11/site-packages/PyYAML-5.3.1.dist-info/METADATA'
    expect(await analyze(path, PYYAML)).toEqual({
      packages: [{ name: 'PyYAML', version: '5.3.1', format: 'pypi', source: 'PYTHON', purl: 'pkg:pypi/pyyaml@5.3.1', licenses: ['MIT'], location: path }],
    })
  })

  it('reads egg-info, falling back to classifiers when License is the pasted licence text', async () => {
    const out = await analyze('usr/lib/python3/dist-packages/zope.interface-5.4.0.egg-info/PKG-INFO', EGG_PKG_INFO)
    expect(out.packages?.[0]).toMatchObject({ name: 'zope.interface', purl: 'pkg:pypi/zope-interface@5.4.0', licenses: ['Zope Public License'] })
  })

  it('notes metadata without a name or version', async () => {
    const out = await analyze('x.dist-info/METADATA', 'Metadata-Version: 2.1\nSummary: no name\n')
    expect(out.notes?.[0]).toMatchObject({ code: 'unparsable-package-metadata', level: 'warning' })
    expect((await analyze('x.dist-info/METADATA', '\u0000\u0001')).notes).toHaveLength(1)
  })

  it('wants the four metadata locations only', () => {
    const wants = (p: string) => pypiAnalyzer.wants(p, 1000, 0o644)
    expect(wants('usr/lib/python3.11/site-packages/Django-3.2.4.dist-info/METADATA')).toBe(true)
    expect(wants('usr/lib/python3.11/site-packages/MarkupSafe-1.1.1-py3.11.egg-info/PKG-INFO')).toBe(true)
    expect(wants('usr/lib/python3/dist-packages/six-1.16.0.egg-info')).toBe(true)
    expect(wants('opt/eggs/foo-1.0.egg/EGG-INFO/PKG-INFO')).toBe(true)
    expect(wants('usr/lib/python3.11/site-packages/Django-3.2.4.dist-info/RECORD')).toBe(false)
  })
})

describe('pypiLicenses and normalizePypiName', () => {
  it('prefers License-Expression', () => {
    const { blocks } = parseHeaderBlocks('Name: a\nLicense-Expression: Apache-2.0 OR MIT\nLicense: Apache\nClassifier: License :: OSI Approved :: MIT License\n', true)
    expect(pypiLicenses(blocks[0]!)).toEqual(['Apache-2.0 OR MIT'])
  })

  it.each([
    ['PyYAML', 'pyyaml'],
    ['Jinja2', 'jinja2'],
    ['zope.interface', 'zope-interface'],
    ['typing_extensions', 'typing-extensions'],
    ['Foo.-_Bar', 'foo-bar'],
  ])('%s → %s', (name, normalized) => {
    expect(normalizePypiName(name)).toBe(normalized)
  })
})
