import type { OsInfo } from '@contract/findings'
import type { Analyzer, AnalysisOutput, AnalyzerFile } from '../analyzer'
import { osvEcosystem } from './os-ecosystem'

/**
 * The files OS detection reads, most authoritative first. Every one of them yields an
 * OsInfo on its own, so the merge step keeps the one whose path comes first here
 * (`etc/os-release` is often a symlink to `usr/lib/os-release`, which the walker does not
 * hand over: then the latter is the only one seen).
 */
export const OS_RELEASE_FILES = ['etc/os-release', 'usr/lib/os-release', 'etc/alpine-release', 'etc/debian_version'] as const

/** Lower is more authoritative; Infinity for a path that is not an OS release file. */
export function osReleasePrecedence(path: string): number {
  const i = (OS_RELEASE_FILES as readonly string[]).indexOf(path)
  return i === -1 ? Infinity : i
}

const MAX_RELEASE_FILE = 64 * 1024

/**
 * Reads os-release(5): `KEY=value` lines, values optionally in single or double quotes,
 * with shell-style backslash escapes inside double quotes.
 *
 * @example parseOsRelease('ID=ubuntu\nVERSION_ID="22.04"\n').get('VERSION_ID') // '22.04'
 */
export function parseOsRelease(text: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line)
    if (!m || line.startsWith('#')) continue
    let value = m[2] ?? ''
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1).replace(/\\([\\"$`])/g, '$1')
    else if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) value = value.slice(1, -1)
    out.set(m[1] ?? '', value)
  }
  return out
}

function fromOsRelease(text: string): OsInfo | undefined {
  const f = parseOsRelease(text)
  const id = f.get('ID')?.toLowerCase()
  const versionId = f.get('VERSION_ID') ?? ''
  const versionCodename = f.get('VERSION_CODENAME')
  // Without a version only rolling distributions (and Debian testing, by codename) can be matched.
  if (!id || (!versionId && !['wolfi', 'chainguard', 'debian', 'arch', 'opensuse-tumbleweed'].includes(id))) return undefined
  const ecosystem = osvEcosystem({ id, versionId, version: f.get('VERSION'), versionCodename })
  return osInfo(id, versionId, { prettyName: f.get('PRETTY_NAME'), versionCodename, ecosystem })
}

/** Optional fields only when they have a value: cached results then compare equal. */
function osInfo(id: string, versionId: string, optional: Omit<OsInfo, 'id' | 'versionId'>): OsInfo {
  const os: OsInfo = { id, versionId }
  if (optional.prettyName) os.prettyName = optional.prettyName
  if (optional.versionCodename) os.versionCodename = optional.versionCodename
  if (optional.ecosystem) os.ecosystem = optional.ecosystem
  return os
}

function fromAlpineRelease(text: string): OsInfo | undefined {
  const versionId = text.trim()
  if (!/^\d+\.\d+/.test(versionId)) return undefined
  return osInfo('alpine', versionId, { ecosystem: osvEcosystem({ id: 'alpine', versionId }) })
}

function fromDebianVersion(text: string): OsInfo | undefined {
  const versionId = text.trim()
  // Only a numbered release: Ubuntu ships `bookworm/sid` here, which says nothing about Ubuntu.
  if (!/^\d+(\.\d+)*$/.test(versionId)) return undefined
  return osInfo('debian', versionId, { ecosystem: osvEcosystem({ id: 'debian', versionId }) })
}

export const osReleaseAnalyzer: Analyzer = {
  name: 'os-release',
  version: 1,
  wants: (path, size) => size <= MAX_RELEASE_FILE && osReleasePrecedence(path) !== Infinity,
  analyze({ path, bytes }: AnalyzerFile): AnalysisOutput {
    const text = bytes.toString('utf8')
    const os = path === 'etc/alpine-release' ? fromAlpineRelease(text) : path === 'etc/debian_version' ? fromDebianVersion(text) : fromOsRelease(text)
    return os ? { os } : {}
  },
}
