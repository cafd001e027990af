import type { ScanNote } from '@contract/findings'
import type { Analyzer, AnalysisOutput, AnalyzerFile, PackageRecord } from '../analyzer'
import { type HeaderFields, parseHeaderBlocks } from './header-fields'
import { analyzerNote } from './notes'
import { purl } from './purl'

const STATUS = 'var/lib/dpkg/status'
/** Distroless images: one stanza per package file, beside `<pkg>.md5sums` ownership lists. */
const STATUS_D = 'var/lib/dpkg/status.d/'

/**
 * `Status: <want> <flag> <status>`. Only a package whose status word is `installed` and
 * whose flag is `ok` is on disk in full (`hold` is a want, still installed); `config-files`,
 * `half-installed` and `not-installed` leave no usable package.
 */
function isInstalled(status: string | undefined, distroless: boolean): boolean {
  // Distroless stanzas are package control files, which carry no Status field at all.
  if (status === undefined) return distroless
  const [want, flag, state] = status.split(/\s+/)
  return (want === 'install' || want === 'hold') && flag === 'ok' && state === 'installed'
}

/** `Source: glibc` or `Source: util-linux (2.37.2-4ubuntu3)`: the version is there when it differs. */
export function parseDpkgSource(source: string | undefined, name: string, version: string): { sourceName: string; sourceVersion: string } {
  const m = source ? /^(\S+)(?:\s*\(\s*([^)\s]+)\s*\))?/.exec(source) : null
  return { sourceName: m?.[1] ?? name, sourceVersion: m?.[2] ?? version }
}

/**
 * Which distribution a status file belongs to, from the file alone (the OS is only known
 * after the merge): Ubuntu rewrites the Maintainer of every package it changes and its
 * versions say `ubuntu`, so one such stanza marks the file as Ubuntu's. Anything else is
 * taken as Debian, the purl spec's default deb vendor; the merge may rewrite the
 * namespace (and add `distro=`) once os-release is known.
 */
export function dpkgVendor(stanzas: HeaderFields[]): 'ubuntu' | 'debian' {
  const ubuntu = stanzas.some((s) => /@(lists\.)?ubuntu\.com|@canonical\.com/i.test(s.get('maintainer') ?? '') || /ubuntu/i.test(s.get('version') ?? ''))
  return ubuntu ? 'ubuntu' : 'debian'
}

function toRecord(s: HeaderFields, vendor: string, location: string): PackageRecord | undefined {
  const name = s.get('package')
  const version = s.get('version')
  if (!name || !version) return undefined
  const { sourceName, sourceVersion } = parseDpkgSource(s.get('source'), name, version)
  const arch = s.get('architecture')
  return {
    name,
    version,
    format: 'dpkg',
    source: 'OS',
    sourceName,
    sourceVersion,
    purl: purl({ type: 'deb', namespace: vendor, name, version, qualifiers: { arch, upstream: sourceName !== name ? sourceName : undefined } }),
    // The status file names no licence; /usr/share/doc/*/copyright would, and is out of scope.
    licenses: [],
    location,
  }
}

export const dpkgAnalyzer: Analyzer = {
  name: 'dpkg',
  version: 1,
  wants: (path) => path === STATUS || (path.startsWith(STATUS_D) && !path.slice(STATUS_D.length).includes('/') && !path.endsWith('.md5sums')),
  analyze({ path, bytes }: AnalyzerFile): AnalysisOutput {
    const distroless = path !== STATUS
    const { blocks, strayLines } = parseHeaderBlocks(bytes.toString('utf8'))
    const vendor = dpkgVendor(blocks)
    const packages: PackageRecord[] = []
    let incomplete = 0
    for (const stanza of blocks) {
      if (!isInstalled(stanza.get('status'), distroless)) continue
      const record = toRecord(stanza, vendor, path)
      if (record) packages.push(record)
      else incomplete++
    }
    const notes: ScanNote[] = []
    if (blocks.length === 0 && bytes.toString('utf8').trim() !== '') notes.push(analyzerNote('warning', 'unparsable-package-db', path, 'no dpkg stanza could be read from this file'))
    else if (incomplete > 0 || strayLines > 0)
      notes.push(analyzerNote('info', 'unparsable-package-db', path, `${incomplete} installed stanza(s) without Package or Version skipped, ${strayLines} malformed line(s) ignored`))
    return { packages, ...(notes.length ? { notes } : {}) }
  },
}
