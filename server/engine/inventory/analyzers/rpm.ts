import type { ScanNote } from '@contract/findings'
import type { Analyzer, AnalysisOutput, AnalyzerFile, PackageRecord } from '../analyzer'
import { analyzerNote, errorMessage } from './notes'
import { purl } from './purl'
import { parseRpmHeader, type RpmHeader, RPMTAG } from './rpm-header'
import { isSqlite, readRpmdbSqliteBlobs } from './rpm-sqlite'

/** Where rpm keeps its database: RHEL/Fedora, newer Fedora and openSUSE (sysimage), and CBL-Mariner. */
const RPMDB_DIRS = ['var/lib/rpm/', 'usr/lib/sysimage/rpm/', 'usr/share/rpm/']
const RPMDB_FILES = ['rpmdb.sqlite', 'Packages', 'Packages.db']

/**
 * The purl namespace from the VENDOR tag. Left out for anything else: the purl spec wants
 * the distribution there, and a third-party vendor is not one.
 */
const VENDOR_NAMESPACES: [RegExp, string][] = [
  [/red hat/i, 'redhat'],
  [/centos/i, 'centos'],
  [/fedora/i, 'fedora'],
  [/rocky/i, 'rocky'],
  [/almalinux/i, 'almalinux'],
  [/amazon/i, 'amazon'],
  [/opensuse/i, 'opensuse'],
  [/suse/i, 'suse'],
  [/oracle/i, 'oracle'],
]

/**
 * `openssl-3.0.7-24.el9.src.rpm` → name `openssl`, version `3.0.7`, release `24.el9`:
 * split from the right, since names contain hyphens and versions do not.
 *
 * @example splitSourceRpm('util-linux-2.37.4-15.el9.src.rpm') // { name: 'util-linux', version: '2.37.4', release: '15.el9' }
 */
export function splitSourceRpm(file: string): { name: string; version: string; release: string } | undefined {
  const m = /^(.+)-([^-]+)-([^-]+)\.[^.-]+\.rpm$/.exec(file)
  return m ? { name: m[1] ?? '', version: m[2] ?? '', release: m[3] ?? '' } : undefined
}

function toRecord(h: RpmHeader, location: string): PackageRecord | undefined {
  const name = h.string(RPMTAG.NAME)
  const version = h.string(RPMTAG.VERSION)
  const release = h.string(RPMTAG.RELEASE)
  // gpg-pubkey "packages" are imported signing keys, not software.
  if (!name || !version || name === 'gpg-pubkey') return undefined
  const epoch = h.int32(RPMTAG.EPOCH)
  const vr = release ? `${version}-${release}` : version
  const evr = epoch ? `${epoch}:${vr}` : vr
  const sourceRpm = h.string(RPMTAG.SOURCERPM)
  const src = sourceRpm ? splitSourceRpm(sourceRpm) : undefined
  const vendor = h.string(RPMTAG.VENDOR) ?? ''
  const license = h.string(RPMTAG.LICENSE)
  return {
    name,
    version: evr,
    format: 'rpm',
    source: 'OS',
    sourceName: src?.name ?? name,
    // The source RPM's file name has no epoch; it is the binary's (as Trivy does).
    sourceVersion: src ? `${epoch ? `${epoch}:` : ''}${src.version}-${src.release}` : evr,
    purl: purl({
      type: 'rpm',
      namespace: VENDOR_NAMESPACES.find(([re]) => re.test(vendor))?.[1],
      name,
      version: vr,
      qualifiers: { arch: h.string(RPMTAG.ARCH), epoch: epoch ? String(epoch) : undefined, upstream: sourceRpm },
    }),
    licenses: license ? [license] : [],
    location,
  }
}

async function analyzeSqlite(path: string, bytes: Buffer): Promise<AnalysisOutput> {
  let rows: { hnum: number; blob: Uint8Array }[]
  try {
    rows = await readRpmdbSqliteBlobs(bytes)
  } catch (err) {
    return { notes: [analyzerNote('warning', 'unparsable-package-db', path, `rpmdb.sqlite could not be read: ${errorMessage(err)}`)] }
  }
  const packages: PackageRecord[] = []
  const failures: string[] = []
  for (const { hnum, blob } of rows) {
    try {
      const record = toRecord(parseRpmHeader(blob), path)
      if (record) packages.push(record)
    } catch (err) {
      failures.push(`hnum ${hnum}: ${errorMessage(err)}`)
    }
  }
  // One note per database, not per header: a corrupt db can have thousands.
  const notes: ScanNote[] = failures.length
    ? [analyzerNote('warning', 'unparsable-package-db', path, `${failures.length} of ${rows.length} rpm headers could not be read (first: ${failures[0]})`)]
    : []
  return { packages, ...(notes.length ? { notes } : {}) }
}

/** BerkeleyDB hash databases have their magic at byte 12, in the writer's byte order. */
function isBerkeleyDb(bytes: Buffer): boolean {
  return bytes.length >= 16 && (bytes.readUInt32LE(12) === 0x00061561 || bytes.readUInt32BE(12) === 0x00061561)
}

export const rpmAnalyzer: Analyzer = {
  name: 'rpm',
  version: 1,
  wants: (path) => RPMDB_DIRS.some((dir) => path.startsWith(dir) && RPMDB_FILES.includes(path.slice(dir.length))),
  async analyze({ path, bytes }: AnalyzerFile): Promise<AnalysisOutput> {
    if (isSqlite(bytes)) return analyzeSqlite(path, bytes)
    if (isBerkeleyDb(bytes)) return { notes: [analyzerNote('warning', 'unsupported-rpmdb', path, 'BerkeleyDB rpm database (RHEL ≤ 8, CentOS, Amazon Linux 2): its packages are not inventoried yet')] }
    if (bytes.subarray(0, 4).toString('latin1') === 'RpmP') return { notes: [analyzerNote('warning', 'unsupported-rpmdb', path, 'ndb rpm database (SUSE): its packages are not inventoried yet')] }
    // An empty file (a placeholder, or a db truncated by clean-up) holds no packages.
    if (bytes.length === 0) return {}
    return { notes: [analyzerNote('warning', 'unparsable-package-db', path, 'not an rpm database in any known format')] }
  },
}
