import type { Analyzer } from '../analyzer'
import { apkAnalyzer } from './apk'
import { dotnetAnalyzer } from './dotnet'
import { dpkgAnalyzer } from './dpkg'
import { goBinaryAnalyzer } from './go-binary'
import { mavenAnalyzer } from './maven'
import { npmAnalyzer } from './npm'
import { osReleaseAnalyzer } from './os-release'
import { pypiAnalyzer } from './pypi'
import { rpmAnalyzer } from './rpm'

/**
 * Every package analyzer, in a fixed order (their names and versions go into the layer
 * cache key). Analyzers are stateless objects, so sharing them between scans is safe.
 *
 * @example
 * const analyzers = defaultAnalyzers().filter((a) => a.wants(path, size, mode))
 */
export function defaultAnalyzers(): Analyzer[] {
  return [osReleaseAnalyzer, dpkgAnalyzer, apkAnalyzer, rpmAnalyzer, npmAnalyzer, pypiAnalyzer, mavenAnalyzer, goBinaryAnalyzer, dotnetAnalyzer]
}
