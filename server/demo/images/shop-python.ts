import { createHash } from 'node:crypto'
import type { TarEntry } from '../tar-writer'
import { file, withParents } from './layer-files'

/**
 * What `pip install` leaves in site-packages: a `<Name>-<version>.dist-info` per wheel
 * (METADATA as email headers, WHEEL, RECORD, INSTALLER, top_level.txt) and the module
 * itself; plus one setuptools-era `*.egg-info` directory with PKG-INFO. Names keep their
 * published case (Jinja2, PyYAML, Django): matching has to normalise them (PEP 503).
 */
interface PyPackage {
  name: string
  version: string
  summary: string
  homePage: string
  author: string
  license: string
  requiresPython?: string
  requiresDist?: string[]
  topLevel: string
}

const SITE = 'usr/lib/python3.11/site-packages'
const PY2_COMPAT = '>=2.7, !=3.0.*, !=3.1.*, !=3.2.*, !=3.3.*, !=3.4.*'

const WHEELS: PyPackage[] = [
  { name: 'Jinja2', version: '2.11.2', summary: 'A very fast and expressive template engine.', homePage: 'https://palletsprojects.com/p/jinja/', author: 'Armin Ronacher', license: 'BSD-3-Clause', requiresPython: PY2_COMPAT, requiresDist: ['MarkupSafe (>=0.23)', "Babel (>=0.8) ; extra == 'i18n'"], topLevel: 'jinja2' },
  { name: 'requests', version: '2.19.1', summary: 'Python HTTP for Humans.', homePage: 'http://python-requests.org', author: 'Kenneth Reitz', license: 'Apache 2.0', requiresPython: '>=2.7, !=3.0.*, !=3.1.*, !=3.2.*, !=3.3.*', requiresDist: ['chardet (<3.1.0,>=3.0.2)', 'idna (<2.8,>=2.5)', 'urllib3 (<1.24,>=1.21.1)', 'certifi (>=2017.4.17)'], topLevel: 'requests' },
  { name: 'PyYAML', version: '5.3', summary: 'YAML parser and emitter for Python', homePage: 'https://github.com/yaml/pyyaml', author: 'Kirill Simonov', license: 'MIT', requiresPython: PY2_COMPAT, topLevel: 'yaml' },
  { name: 'Django', version: '3.2.4', summary: 'A high-level Python Web framework that encourages rapid development and clean, pragmatic design.', homePage: 'https://www.djangoproject.com/', author: 'Django Software Foundation', license: 'BSD-3-Clause', requiresPython: '>=3.6', requiresDist: ['asgiref (<4,>=3.3.2)', 'pytz', 'sqlparse (>=0.2.2)', "argon2-cffi (>=19.1.0) ; extra == 'argon2'", "bcrypt ; extra == 'bcrypt'"], topLevel: 'django' },
  { name: 'urllib3', version: '1.26.16', summary: 'HTTP library with thread-safe connection pooling, file post, and more.', homePage: 'https://urllib3.readthedocs.io/', author: 'Andrey Petrov', license: 'MIT', requiresPython: '>=2.7, !=3.0.*, !=3.1.*, !=3.2.*, !=3.3.*, !=3.4.*, !=3.5.*', requiresDist: ["brotlicffi (>=0.8.0) ; ((os_name != \"nt\" or python_version >= \"3\") and platform_python_implementation != \"CPython\") and extra == 'brotli'", "PySocks (!=1.5.7,<2.0,>=1.5.6) ; extra == 'socks'"], topLevel: 'urllib3' },
  { name: 'asgiref', version: '3.4.1', summary: 'ASGI specs, helper code, and adapters', homePage: 'https://github.com/django/asgiref/', author: 'Django Software Foundation', license: 'BSD', requiresPython: '>=3.6', topLevel: 'asgiref' },
  { name: 'sqlparse', version: '0.4.1', summary: 'A non-validating SQL parser.', homePage: 'https://github.com/andialbrecht/sqlparse', author: 'Andi Albrecht', license: 'BSD', requiresPython: '>=3.5', topLevel: 'sqlparse' },
  { name: 'pytz', version: '2021.1', summary: 'World timezone definitions, modern and historical', homePage: 'http://pytz.sourceforge.net', author: 'Stuart Bishop', license: 'MIT', topLevel: 'pytz' },
  { name: 'certifi', version: '2021.5.30', summary: 'Python package for providing Mozilla\'s CA Bundle.', homePage: 'https://certifiio.readthedocs.io/en/latest/', author: 'Kenneth Reitz', license: 'MPL-2.0', topLevel: 'certifi' },
  { name: 'chardet', version: '3.0.4', summary: 'Universal encoding detector for Python 2 and 3', homePage: 'https://github.com/chardet/chardet', author: 'Daniel Blanchard', license: 'LGPL', topLevel: 'chardet' },
  { name: 'idna', version: '2.7', summary: 'Internationalized Domain Names in Applications (IDNA)', homePage: 'https://github.com/kjd/idna', author: 'Kim Davies', license: 'BSD-like', topLevel: 'idna' },
]

function metadata(p: PyPackage, metadataVersion: string): string {
  const headers = [
    `Metadata-Version: ${metadataVersion}`,
    `Name: ${p.name}`,
    `Version: ${p.version}`,
    `Summary: ${p.summary}`,
    `Home-page: ${p.homePage}`,
    `Author: ${p.author}`,
    `License: ${p.license}`,
    'Platform: UNKNOWN',
    ...(p.requiresPython ? [`Requires-Python: ${p.requiresPython}`] : []),
    ...(p.requiresDist ?? []).map((r) => `Requires-Dist: ${r}`),
  ]
  // The long description follows the headers after one blank line, as in real METADATA.
  return `${headers.join('\n')}\n\n${p.name} ${p.version}\n`
}

/** RECORD lines: path, `sha256=` urlsafe base64 without padding, size. */
const recordLine = (path: string, content: string) => `${path},sha256=${createHash('sha256').update(content).digest('base64url')},${Buffer.byteLength(content)}`

function wheel(p: PyPackage): TarEntry[] {
  const distInfo = `${p.name}-${p.version}.dist-info`
  const init = `${p.topLevel}/__init__.py`
  const files: [string, string][] = [
    [init, `__version__ = "${p.version}"\n`],
    [`${distInfo}/METADATA`, metadata(p, '2.1')],
    [`${distInfo}/WHEEL`, 'Wheel-Version: 1.0\nGenerator: bdist_wheel (0.36.2)\nRoot-Is-Purelib: true\nTag: py3-none-any\n'],
    [`${distInfo}/top_level.txt`, `${p.topLevel}\n`],
    [`${distInfo}/INSTALLER`, 'pip\n'],
  ]
  const record = [...files.map(([path, content]) => recordLine(path, content)), `${distInfo}/RECORD,,`].join('\n') + '\n'
  return [...files, [`${distInfo}/RECORD`, record] as [string, string]].map(([path, content]) => file(`${SITE}/${path}`, content))
}

/** MarkupSafe installed by an old `setup.py install`: egg-info, no dist-info. */
function eggInfo(): TarEntry[] {
  const p: PyPackage = { name: 'MarkupSafe', version: '1.1.1', summary: 'Safely add untrusted strings to HTML/XML markup.', homePage: 'https://palletsprojects.com/p/markupsafe/', author: 'Armin Ronacher', license: 'BSD-3-Clause', requiresPython: PY2_COMPAT, topLevel: 'markupsafe' }
  const egg = `${SITE}/MarkupSafe-1.1.1-py3.11.egg-info`
  return [
    file(`${SITE}/markupsafe/__init__.py`, '__version__ = "1.1.1"\n'),
    file(`${egg}/PKG-INFO`, metadata(p, '1.2')),
    file(`${egg}/SOURCES.txt`, 'setup.py\nsrc/markupsafe/__init__.py\n'),
    file(`${egg}/top_level.txt`, 'markupsafe\n'),
    file(`${egg}/dependency_links.txt`, '\n'),
  ]
}

export function shopPythonLayer(): TarEntry[] {
  return withParents([...WHEELS.flatMap(wheel), ...eggInfo()])
}
