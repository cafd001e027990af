/**
 * What a jar says about itself: `META-INF/MANIFEST.MF` (main section) and Maven's
 * `pom.properties`, parsed from text, plus the artifact and version in a file name.
 */

/**
 * The main section of a manifest: `Name: value` lines up to the first blank line, any of
 * CR, LF or CRLF as line end, continuation lines (one leading space) unfolded.
 *
 * @example parseManifest('Manifest-Version: 1.0\r\nImplementation-Title: lo\r\n ng\r\n').get('Implementation-Title') // 'long'
 */
export function parseManifest(text: string): Map<string, string> {
  const out = new Map<string, string>()
  let last: string | undefined
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line === '') break
    if (line.startsWith(' ')) {
      if (last !== undefined) out.set(last, (out.get(last) ?? '') + line.slice(1))
      continue
    }
    const colon = line.indexOf(':')
    if (colon <= 0) continue
    last = line.slice(0, colon).trim()
    out.set(last, line.slice(colon + 1).trim())
  }
  return out
}

/** Java properties, the subset Maven writes: `key=value` or `key: value`, `#`/`!` comments. */
export function parseProperties(text: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.trim()
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue
    // The key ends at the first unescaped `=`, `:` or whitespace (escapes do not occur in Maven's keys).
    const end = line.search(/[=:\s]/)
    if (end <= 0) continue
    const rest = line.slice(end).replace(/^\s*[=:]?/, '')
    out.set(line.slice(0, end), rest.trim())
  }
  return out
}

export interface MavenCoordinates {
  groupId?: string
  artifactId: string
  version: string
}

/** Values a build forgot to substitute (`${project.version}`, Bnd's `%placeholder`) say nothing. */
const usable = (v: string | undefined): string | undefined => (v && !/\$\{|^%/.test(v) ? v : undefined)
/** Implementation-Title is often prose (`Apache Tomcat`); only id-shaped values can be artifactIds. */
const artifactShaped = (v: string | undefined): string | undefined => (usable(v) && /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(v ?? '') ? v : undefined)

/**
 * Coordinates from a manifest: version from Implementation-, Bundle- then Specification-Version;
 * artifact from the first id-shaped Implementation-Title, Bundle-Name or Specification-Title,
 * else the one in the file name; group from Implementation-Vendor-Id only. Bundle-SymbolicName
 * is an OSGi name, not a groupId (`org.apache.tomcat-embed-core` for `org.apache.tomcat.embed`),
 * so it is not turned into one.
 */
export function manifestCoordinates(m: Map<string, string>, fromFileName: MavenCoordinates | undefined): MavenCoordinates | undefined {
  const version = usable(m.get('Implementation-Version')) ?? usable(m.get('Bundle-Version')) ?? usable(m.get('Specification-Version'))
  const artifactId = artifactShaped(m.get('Implementation-Title')) ?? artifactShaped(m.get('Bundle-Name')) ?? artifactShaped(m.get('Specification-Title')) ?? fromFileName?.artifactId
  if (!version || !artifactId) return undefined
  const groupId = usable(m.get('Implementation-Vendor-Id'))
  return { artifactId, version, ...(groupId ? { groupId } : {}) }
}

export function pomCoordinates(p: Map<string, string>): MavenCoordinates | undefined {
  const groupId = usable(p.get('groupId'))
  const artifactId = usable(p.get('artifactId'))
  const version = usable(p.get('version'))
  return groupId && artifactId && version ? { groupId, artifactId, version } : undefined
}

/**
 * `log4j-core-2.14.1.jar` → log4j-core 2.14.1. Greedy on the name, so a version-looking
 * part inside it stays there (`log4j-1.2-api-2.17.1.jar` → `log4j-1.2-api`).
 *
 * @example fileNameCoordinates('app/lib/guava-31.1-jre.jar') // { artifactId: 'guava', version: '31.1-jre' }
 */
export function fileNameCoordinates(path: string): MavenCoordinates | undefined {
  const base = path.slice(path.lastIndexOf('/') + 1)
  // Real file names are short; the cap keeps the backtracking regex linear in practice.
  if (base.length > 255) return undefined
  const m = /^(.+)-(\d[^\s/]*?)\.[A-Za-z]+$/.exec(base)
  return m ? { artifactId: m[1] ?? '', version: m[2] ?? '' } : undefined
}

/** OSGi Bundle-License: comma-separated clauses `name-or-url;link="…";description="…"`. */
export function bundleLicenses(value: string | undefined): string[] {
  if (!usable(value)) return []
  // Split on commas outside double quotes (descriptions may contain commas).
  const clauses: string[] = []
  let current = ''
  let quoted = false
  for (const ch of value ?? '') {
    if (ch === '"') quoted = !quoted
    if (ch === ',' && !quoted) {
      clauses.push(current)
      current = ''
    } else current += ch
  }
  clauses.push(current)
  return clauses.map((c) => (c.split(';')[0] ?? '').trim().replace(/^"|"$/g, '')).filter((l) => l !== '')
}
