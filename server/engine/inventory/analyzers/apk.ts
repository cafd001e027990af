import type { Analyzer, AnalysisOutput, AnalyzerFile, PackageRecord } from '../analyzer'
import { analyzerNote } from './notes'
import { purl } from './purl'

const INSTALLED_DBS = new Set(['lib/apk/db/installed', 'usr/lib/apk/db/installed'])

/**
 * One record of apk's installed db: `X:value` lines whose single-letter keys are
 * case-sensitive (`P` name, `p` provides). File lists (`F`/`R`/`Z`) repeat and are not kept.
 */
type ApkRecord = Map<string, string>

function parseRecords(text: string): { records: ApkRecord[]; strayLines: number } {
  const records: ApkRecord[] = []
  let strayLines = 0
  let current: ApkRecord | undefined
  for (const line of text.split(/\r?\n/)) {
    if (line === '') {
      if (current) records.push(current)
      current = undefined
      continue
    }
    if (line.length < 2 || line[1] !== ':') {
      strayLines++
      continue
    }
    current ??= new Map()
    const key = line[0] ?? ''
    if (!current.has(key)) current.set(key, line.slice(2))
  }
  if (current) records.push(current)
  return { records, strayLines }
}

function toRecord(r: ApkRecord, location: string): PackageRecord | undefined {
  const name = r.get('P')
  const version = r.get('V')
  if (!name || !version) return undefined
  // Origin is the aport the package was built from: what Alpine's secdb and OSV name.
  const origin = r.get('o') || name
  const license = r.get('L')
  return {
    name,
    version,
    format: 'apk',
    source: 'OS',
    sourceName: origin,
    sourceVersion: version,
    purl: purl({ type: 'apk', namespace: 'alpine', name, version, qualifiers: { arch: r.get('A'), upstream: origin !== name ? origin : undefined } }),
    // `L:` is an SPDX expression (`MPL-2.0 AND MIT`): kept whole, as declared.
    licenses: license ? [license] : [],
    location,
  }
}

export const apkAnalyzer: Analyzer = {
  name: 'apk',
  version: 1,
  wants: (path) => INSTALLED_DBS.has(path),
  analyze({ path, bytes }: AnalyzerFile): AnalysisOutput {
    const text = bytes.toString('utf8')
    const { records, strayLines } = parseRecords(text)
    const packages: PackageRecord[] = []
    let incomplete = 0
    for (const r of records) {
      const record = toRecord(r, path)
      if (record) packages.push(record)
      else incomplete++
    }
    if (records.length === 0 && text.trim() !== '') return { packages, notes: [analyzerNote('warning', 'unparsable-package-db', path, 'no apk record could be read from this file')] }
    if (incomplete > 0 || strayLines > 0)
      return { packages, notes: [analyzerNote('info', 'unparsable-package-db', path, `${incomplete} record(s) without P: or V: skipped, ${strayLines} malformed line(s) ignored`)] }
    return { packages }
  },
}
