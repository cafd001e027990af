import type { Analyzer, AnalysisOutput, AnalyzerFile, PackageRecord } from '../analyzer'
import { analyzerNote, errorMessage } from './notes'
import { purl } from './purl'

/** Real deps.json files stay under 1 MiB (a self-contained runtime pack lists ~200 files); this only bounds memory. */
const MAX_DEPS_JSON = 16 * 1024 * 1024

/**
 * The SDK names the runtime bundled into a self-contained app `runtimepack.<pack id>`;
 * the pack itself is a NuGet package (`Microsoft.NETCore.App.Runtime.linux-x64`), and that
 * is the name GitHub's .NET advisories list, so the prefix is dropped.
 */
const RUNTIME_PACK_PREFIX = 'runtimepack.'

/**
 * Library types that are NuGet packages. `project` is the application and the projects it
 * references (our own code, nothing to match); `reference` and `referenceassembly` are
 * assemblies referenced by path, with no NuGet identity.
 */
const PACKAGE_TYPES = new Set(['package', 'runtimepack'])

/** What a target entry ships into the output; `compile` and `resources` are not code that runs. */
const RUNTIME_ASSETS = ['runtime', 'runtimeTargets', 'native'] as const

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
const hasEntries = (v: unknown): boolean => isRecord(v) && Object.keys(v).length > 0

/** `Newtonsoft.Json/13.0.1` → name and version; undefined when either part is missing. */
export function splitLibraryKey(key: string): { name: string; version: string } | undefined {
  const slash = key.indexOf('/')
  const name = key.slice(0, slash).trim()
  const version = key.slice(slash + 1).trim()
  return slash > 0 && name !== '' && version !== '' ? { name, version } : undefined
}

/**
 * Which libraries the runtime target loads. The SDK writes every restored package into
 * `targets[runtimeTarget]`, but one whose assemblies lost to the shared framework's newer
 * copies (System.Text.Encodings.Web 4.5.0 on net6.0), or that only builds (analyzers,
 * PrivateAssets), is left with no runtime, runtimeTargets or native assets: nothing of it is
 * in the image, and Trivy drops it too. A metapackage (Swashbuckle.AspNetCore) has no assets
 * of its own but pins dependencies that do, so it counts as loaded when one of them is, as
 * syft has it. A library missing from the target altogether is kept, as Trivy does: the
 * file is unusual then, and a missed package is worse than an extra one.
 */
function runtimeLoader(target: Record<string, unknown> | undefined): (key: string) => boolean {
  const memo = new Map<string, boolean>()
  const loads = (key: string): boolean => {
    const known = memo.get(key)
    if (known !== undefined) return known
    // A dependency cycle (not valid NuGet, but the file is input) ends here as "not loaded".
    memo.set(key, false)
    const entry = target?.[key]
    const result =
      isRecord(entry) &&
      (RUNTIME_ASSETS.some((asset) => hasEntries(entry[asset])) ||
        (isRecord(entry.dependencies) &&
          Object.entries(entry.dependencies).some(
            ([name, version]) => typeof version === 'string' && loads(`${name}/${version}`),
          )))
    memo.set(key, result)
    return result
  }
  return (key) => target === undefined || target[key] === undefined || loads(key)
}

/**
 * Reads the NuGet packages of a `*.deps.json`, the dependency manifest `dotnet publish`
 * writes next to an app.
 *
 * @example
 * depsJsonPackages('app/Api.deps.json', json).packages // [{ name: 'Newtonsoft.Json', version: '12.0.3', purl: 'pkg:nuget/Newtonsoft.Json@12.0.3', … }]
 */
export function depsJsonPackages(path: string, json: unknown): AnalysisOutput {
  const unreadable = (message: string): AnalysisOutput => ({
    notes: [analyzerNote('warning', 'unparsable-package-metadata', path, message)],
  })
  if (!isRecord(json)) return unreadable('deps.json is not a JSON object')
  const { libraries, targets, runtimeTarget } = json
  if (libraries === undefined) return {}
  if (!isRecord(libraries)) return unreadable('deps.json "libraries" is not an object')
  const targetName =
    isRecord(runtimeTarget) && typeof runtimeTarget.name === 'string' ? runtimeTarget.name : undefined
  // Without the runtime target (old or hand-made files) every package library is reported.
  const target =
    targetName !== undefined && isRecord(targets) && isRecord(targets[targetName])
      ? targets[targetName]
      : undefined

  const loaded = runtimeLoader(target)
  const packages: PackageRecord[] = []
  for (const [key, library] of Object.entries(libraries)) {
    if (
      !isRecord(library) ||
      typeof library.type !== 'string' ||
      !PACKAGE_TYPES.has(library.type.toLowerCase())
    )
      continue
    const parts = splitLibraryKey(key)
    if (!parts || !loaded(key)) continue
    const name = parts.name.startsWith(RUNTIME_PACK_PREFIX)
      ? parts.name.slice(RUNTIME_PACK_PREFIX.length)
      : parts.name
    // The purl spec keeps NuGet ids as written (they are case-insensitive, not case-folded).
    packages.push({
      name,
      version: parts.version,
      format: 'nuget',
      source: 'DOTNET',
      purl: purl({ type: 'nuget', name, version: parts.version }),
      licenses: [],
      location: path,
    })
  }
  return packages.length > 0 ? { packages } : {}
}

export const dotnetAnalyzer: Analyzer = {
  name: 'dotnet-deps',
  version: 1,
  wants: (path, size) => size <= MAX_DEPS_JSON && path.endsWith('.deps.json'),
  analyze({ path, bytes }: AnalyzerFile): AnalysisOutput {
    let json: unknown
    try {
      // A byte order mark (Windows editors add one) is not JSON; the host reads past it.
      json = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''))
    } catch (err) {
      return {
        notes: [
          analyzerNote(
            'warning',
            'unparsable-package-metadata',
            path,
            `deps.json is not valid JSON: ${errorMessage(err)}`,
          ),
        ],
      }
    }
    return depsJsonPackages(path, json)
  },
}
