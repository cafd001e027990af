/**
 * The OSV ecosystem an OS's package advisories live in, from os-release fields.
 * Undefined when OSV has no ecosystem for the distribution (Amazon Linux) or the release
 * cannot be told (Debian sid): the scan then skips OS matching and says so.
 */
export interface OsReleaseFields {
  id: string
  versionId: string
  /** os-release VERSION, e.g. `22.04.3 LTS (Jammy Jellyfish)`. */
  version?: string
  versionCodename?: string
}

/** Debian testing and sid carry no VERSION_ID; the codename names the coming release. */
const DEBIAN_CODENAMES: Record<string, string> = { stretch: '9', buster: '10', bullseye: '11', bookworm: '12', trixie: '13', forky: '14', duke: '15' }

const major = (v: string): string | undefined => /^(\d+)/.exec(v)?.[1]
const majorMinor = (v: string): string | undefined => {
  const m = /^(\d+)\.(\d+)/.exec(v)
  return m ? `${m[1]}.${m[2]}` : undefined
}

function ubuntu(f: OsReleaseFields): string | undefined {
  const m = /^(\d\d)\.(\d\d)$/.exec(f.versionId)
  if (!m) return undefined
  // LTS releases are the even-year .04 ones; VERSION says so too, but is missing on some derivatives.
  const lts = (Number(m[1]) % 2 === 0 && m[2] === '04') || /\bLTS\b/.test(f.version ?? '')
  return `Ubuntu:${f.versionId}${lts ? ':LTS' : ''}`
}

function suse(f: OsReleaseFields): string | undefined {
  if (f.id === 'opensuse-tumbleweed') return 'openSUSE:Tumbleweed'
  if (f.id === 'opensuse-leap') return f.versionId ? `openSUSE:Leap ${f.versionId}` : undefined
  // SLES VERSION_ID `15.5` is 15 SP5.
  const m = /^(\d+)(?:\.(\d+))?$/.exec(f.versionId)
  if (!m) return undefined
  return `SUSE:Linux Enterprise Server ${m[1]}${m[2] && m[2] !== '0' ? ` SP${m[2]}` : ''}`
}

/**
 * @example
 * osvEcosystem({ id: 'ubuntu', versionId: '22.04' }) // 'Ubuntu:22.04:LTS'
 * osvEcosystem({ id: 'alpine', versionId: '3.18.4' }) // 'Alpine:v3.18'
 * osvEcosystem({ id: 'debian', versionId: '12' }) // 'Debian:12'
 */
export function osvEcosystem(f: OsReleaseFields): string | undefined {
  const wrap = (prefix: string, v: string | undefined) => (v ? `${prefix}${v}` : undefined)
  switch (f.id) {
    case 'ubuntu':
      return ubuntu(f)
    case 'debian':
      return wrap('Debian:', major(f.versionId) ?? DEBIAN_CODENAMES[f.versionCodename ?? ''])
    case 'alpine':
      return wrap('Alpine:v', majorMinor(f.versionId))
    case 'rocky':
      return wrap('Rocky Linux:', major(f.versionId))
    case 'almalinux':
      return wrap('AlmaLinux:', major(f.versionId))
    // Red Hat's OSV ecosystems add a product stream (`Red Hat:enterprise_linux:9::appstream`)
    // that only the repository of each package tells; the image gives the release part.
    case 'rhel':
      return wrap('Red Hat:enterprise_linux:', major(f.versionId))
    case 'opensuse-leap':
    case 'opensuse-tumbleweed':
    case 'sles':
      return suse(f)
    case 'photon':
      return wrap('Photon OS:', majorMinor(f.versionId))
    case 'mageia':
      return wrap('Mageia:', major(f.versionId))
    // Rolling distributions: one ecosystem without a release.
    case 'wolfi':
      return 'Wolfi'
    case 'chainguard':
      return 'Chainguard'
    default:
      return undefined
  }
}
