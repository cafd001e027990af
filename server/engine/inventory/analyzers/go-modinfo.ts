/**
 * The module lines a Go binary carries (runtime/debug.BuildInfo's text form), one per
 * line, tab-separated: `path <pkg>`, `mod <path> <version> <sum>`, `dep <path> <version>
 * <sum>`, `=> <path> <version> <sum>` replacing the module on the line before, and
 * `build <key>=<value>` settings (not kept).
 */
export interface GoModule {
  path: string
  /** `v1.2.3`, a pseudo-version, or `(devel)`. */
  version: string
  /** Set when a `=>` line replaced the module: this is what was actually built in. */
  replacedBy?: { path: string; version: string }
}

export interface GoModInfo {
  /** The main package's import path (`path` line). */
  path?: string
  main?: GoModule
  deps: GoModule[]
}

/**
 * @example
 * parseGoModInfo('path\tex.com/app\nmod\tex.com/app\t(devel)\t\ndep\tgolang.org/x/net\tv0.7.0\th1:…\n').deps[0]?.path // 'golang.org/x/net'
 */
export function parseGoModInfo(text: string): GoModInfo {
  const info: GoModInfo = { deps: [] }
  let last: GoModule | undefined
  for (const line of text.split('\n')) {
    const [kind, path = '', version = ''] = line.split('\t')
    if (kind === 'path') info.path = path
    else if (kind === 'mod' && path) last = info.main = { path, version }
    else if (kind === 'dep' && path) {
      last = { path, version }
      info.deps.push(last)
    } else if (kind === '=>' && last && path) last.replacedBy = { path, version }
  }
  return info
}

/**
 * The module actually linked in: the replacement when there is one. A replacement by a
 * local directory (no version) keeps the original path, at `(devel)`: the code is not
 * the published module's, so no published version applies.
 */
export function effectiveModule(m: GoModule): { path: string; version: string } {
  if (!m.replacedBy) return { path: m.path, version: m.version || '(devel)' }
  return m.replacedBy.version ? m.replacedBy : { path: m.path, version: '(devel)' }
}

/**
 * The standard library version from the toolchain's: `go1.21.3` → `1.21.3`, dropping
 * experiment suffixes (`go1.22.0 X:boringcrypto`, `go1.20.5-X:nocoverageredesign`).
 * Undefined for development toolchains (`devel go1.23-abcdef`), which match no release.
 *
 * @example goStdlibVersion('go1.22.0 X:boringcrypto') // '1.22.0'
 */
export function goStdlibVersion(goVersion: string): string | undefined {
  const m = /^go(\d[^\s]*?)(?:-X:.*)?(?:\s.*)?$/.exec(goVersion)
  return m?.[1]
}
