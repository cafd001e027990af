import type { Analyzer, AnalysisOutput, AnalyzerFile, PackageRecord } from '../analyzer'
import { type GoBuildInfo, readGoBuildInfo } from './go-buildinfo'
import { effectiveModule, goStdlibVersion, parseGoModInfo } from './go-modinfo'
import { analyzerNote, errorMessage } from './notes'
import { purl, splitGoModule } from './purl'

const MIN_EXECUTABLE = 64
/** Large Go binaries (kubelet, terraform) stay well under this. */
const MAX_EXECUTABLE = 256 * 1024 * 1024
const DEVEL = '(devel)'

function toRecord(path: string, version: string, location: string): PackageRecord {
  return {
    name: path,
    version,
    format: 'go',
    source: 'GO',
    // `(devel)` is no version: the purl leaves it out and matching must skip it.
    purl: purl({ type: 'golang', ...splitGoModule(path), version: version === DEVEL ? undefined : version }),
    licenses: [],
    location,
  }
}

export const goBinaryAnalyzer: Analyzer = {
  name: 'go-binary',
  version: 1,
  wants: (_path, size, mode) => (mode & 0o111) !== 0 && size >= MIN_EXECUTABLE && size <= MAX_EXECUTABLE,
  analyze({ path, bytes }: AnalyzerFile): AnalysisOutput {
    let info: GoBuildInfo | undefined
    try {
      info = readGoBuildInfo(bytes)
    } catch (err) {
      return { notes: [analyzerNote('info', 'unparsable-binary', path, `executable headers could not be read: ${errorMessage(err)}`)] }
    }
    if (!info) return {}
    const packages: PackageRecord[] = []
    const stdlib = goStdlibVersion(info.goVersion)
    if (stdlib) packages.push(toRecord('stdlib', stdlib, path))
    const mod = parseGoModInfo(info.modinfo)
    if (mod.main) {
      const main = effectiveModule(mod.main)
      packages.push(toRecord(main.path, main.version, path))
    }
    for (const dep of mod.deps) {
      const m = effectiveModule(dep)
      packages.push(toRecord(m.path, m.version, path))
    }
    return { packages }
  },
}
