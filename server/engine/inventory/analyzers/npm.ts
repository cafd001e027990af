import type { Analyzer, AnalysisOutput, AnalyzerFile } from '../analyzer'
import { analyzerNote, errorMessage } from './notes'
import { purl, splitNpmName } from './purl'

const MAX_PACKAGE_JSON = 4 * 1024 * 1024

/**
 * Whether a package.json is an installed package's own: directly in `node_modules/<name>/`
 * or `node_modules/@scope/<name>/`, counted from the last `node_modules`. Deeper ones
 * (`node_modules/rxjs/ajax/package.json`, test fixtures) are bundler hints or data, and
 * a package.json outside node_modules is the application itself.
 *
 * @example
 * isNpmPackageRoot('app/node_modules/@babel/core/package.json') // true
 * isNpmPackageRoot('app/node_modules/rxjs/ajax/package.json') // false
 */
export function isNpmPackageRoot(path: string): boolean {
  const parts = path.split('/')
  const nm = parts.lastIndexOf('node_modules')
  if (nm === -1 || parts.at(-1) !== 'package.json') return false
  const dirs = parts.slice(nm + 1, -1)
  const [first = '', second] = dirs
  if (first.startsWith('.')) return false
  return first.startsWith('@') ? dirs.length === 2 && second !== undefined && !second.startsWith('.') : dirs.length === 1
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const nonEmpty = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined)

/** `license: "MIT"`, the old `license: { type }`, or the older `licenses: [ "MIT" | { type } ]`. */
export function npmLicenses(pkg: Record<string, unknown>): string[] {
  const one = (v: unknown) => nonEmpty(v) ?? (isRecord(v) ? nonEmpty(v.type) : undefined)
  const found = [one(pkg.license), ...(Array.isArray(pkg.licenses) ? pkg.licenses.map(one) : [])]
  return [...new Set(found.filter((l): l is string => l !== undefined))]
}

export const npmAnalyzer: Analyzer = {
  name: 'npm',
  version: 1,
  wants: (path, size) => size <= MAX_PACKAGE_JSON && isNpmPackageRoot(path),
  analyze({ path, bytes }: AnalyzerFile): AnalysisOutput {
    let json: unknown
    try {
      json = JSON.parse(bytes.toString('utf8'))
    } catch (err) {
      return { notes: [analyzerNote('warning', 'unparsable-package-metadata', path, `package.json is not valid JSON: ${errorMessage(err)}`)] }
    }
    if (!isRecord(json)) return { notes: [analyzerNote('warning', 'unparsable-package-metadata', path, 'package.json is not a JSON object')] }
    const name = nonEmpty(json.name)
    const version = nonEmpty(json.version)
    // A package root without both is a placeholder (workspaces, stubs): nothing to match.
    if (!name || !version) return {}
    return {
      packages: [{ name, version, format: 'npm', source: 'NODEJS', purl: purl({ type: 'npm', ...splitNpmName(name), version }), licenses: npmLicenses(json), location: path }],
    }
  },
}
