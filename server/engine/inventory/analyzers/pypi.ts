import type { Analyzer, AnalysisOutput, AnalyzerFile } from '../analyzer'
import { type HeaderFields, parseHeaderBlocks } from './header-fields'
import { analyzerNote } from './notes'
import { purl } from './purl'

/** METADATA carries the README as its body: generous, but bounded. */
const MAX_METADATA = 16 * 1024 * 1024

/**
 * Installed-distribution metadata: wheels' `*.dist-info/METADATA`, setuptools'
 * `*.egg-info/PKG-INFO` (or a single `*.egg-info` file), and unzipped eggs' `EGG-INFO/PKG-INFO`.
 */
const METADATA_PATHS = [/\.dist-info\/METADATA$/, /\.egg-info\/PKG-INFO$/, /\.egg-info$/, /(^|\/)EGG-INFO\/PKG-INFO$/]

/**
 * PEP 503: runs of `-`, `_` and `.` become one `-`, lower-cased. OSV and purls use this
 * form, while the package keeps the name it declares (`PyYAML` → `pyyaml`).
 *
 * @example normalizePypiName('Zope.Interface') // 'zope-interface'
 */
export function normalizePypiName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-')
}

/**
 * The declared licence: `License-Expression` (core metadata 2.4, SPDX) when present, else
 * `License` when it is a short name rather than the whole licence text pasted in, else
 * the trove classifiers' last part (`License :: OSI Approved :: MIT License` → `MIT License`).
 */
export function pypiLicenses(h: HeaderFields): string[] {
  const expression = h.get('license-expression')
  if (expression) return [expression]
  const license = h.get('license')
  if (license && license !== 'UNKNOWN' && !license.includes('\n') && license.length <= 200) return [license]
  const fromClassifiers = h
    .all('classifier')
    .filter((c) => c.startsWith('License ::'))
    .map((c) => c.split('::').at(-1)?.trim() ?? '')
    .filter((l) => l !== '' && l !== 'OSI Approved')
  return [...new Set(fromClassifiers)]
}

export const pypiAnalyzer: Analyzer = {
  name: 'pypi',
  version: 1,
  wants: (path, size) => size <= MAX_METADATA && METADATA_PATHS.some((re) => re.test(path)),
  analyze({ path, bytes }: AnalyzerFile): AnalysisOutput {
    const { blocks } = parseHeaderBlocks(bytes.toString('utf8'), true)
    const headers = blocks[0]
    const name = headers?.get('name')
    const version = headers?.get('version')
    if (!headers || !name || !version) return { notes: [analyzerNote('warning', 'unparsable-package-metadata', path, 'Python metadata without Name and Version headers')] }
    return {
      packages: [{ name, version, format: 'pypi', source: 'PYTHON', purl: purl({ type: 'pypi', name: normalizePypiName(name), version }), licenses: pypiLicenses(headers), location: path }],
    }
  },
}
