import { RE2JS, RE2JSException, RE2JSSyntaxException } from 're2js'
import type { ScanRuleScope } from '@contract/scan-rules'

/** What of a scan rule decides whether it matches a tag. */
export interface MatchableRule {
  scanScope: ScanRuleScope
  namespaces: readonly string[]
  repoNames: readonly string[]
  repoTagFilterPattern: string
}

/** One tag of the index: its repository's namespace and name, and the tag name. */
export interface TagRef {
  namespace: string
  repoName: string
  tag: string
}

export type CompiledPattern = { ok: true; pattern: RE2JS } | { ok: false; reason: string; position: number | null }

/**
 * Compiles a tag pattern with RE2 (re2js): linear-time matching, so no pattern, however
 * nested (`(a+)+$`), can stall a request. RE2 has no backreferences or lookaround; such
 * patterns are refused with the parser's reason and, when it names the offending part,
 * its position (0-based, in characters).
 */
export function compileTagPattern(source: string): CompiledPattern {
  try {
    return { ok: true, pattern: RE2JS.compile(source) }
  } catch (err) {
    if (err instanceof RE2JSSyntaxException) {
      const fragment = err.getPattern()
      const at = fragment ? source.indexOf(fragment) : -1
      return { ok: false, reason: err.getDescription(), position: at >= 0 ? at : null }
    }
    if (err instanceof RE2JSException) return { ok: false, reason: err.message, position: null }
    throw err
  }
}

/** The field message for a refused pattern, e.g. `is not a valid RE2 pattern at position 1: missing closing )`. */
export function describePatternError(e: { reason: string; position: number | null }): string {
  return `is not a valid RE2 pattern${e.position === null ? '' : ` at position ${String(e.position)}`}: ${e.reason}`
}

/** Compiled patterns by source; bounded, as rules are few but the cache lives as long as the process. */
const cache = new Map<string, RE2JS | null>()
const CACHE_LIMIT = 500

function patternOf(source: string): RE2JS | null {
  let p = cache.get(source)
  if (p === undefined) {
    const compiled = compileTagPattern(source)
    p = compiled.ok ? compiled.pattern : null
    if (cache.size >= CACHE_LIMIT) cache.clear()
    cache.set(source, p)
  }
  return p
}

/**
 * Whether a rule covers a tag: its scope first (INSTANCE: every repository; NAMESPACE:
 * repositories in one of its namespaces; REPO: the named repositories of its single
 * namespace; names compared exactly), then its pattern, which must match the WHOLE tag
 * name (`prod-.*` matches `prod-1`, not `preprod-1`; write `.*prod-.*` for a substring).
 * A pattern that does not compile matches nothing (stored rules were checked on write).
 */
export function ruleMatches(rule: MatchableRule, ref: TagRef): boolean {
  switch (rule.scanScope) {
    case 'INSTANCE':
      break
    case 'NAMESPACE':
      if (!rule.namespaces.includes(ref.namespace)) return false
      break
    case 'REPO':
      if (rule.namespaces[0] !== ref.namespace || !rule.repoNames.includes(ref.repoName)) return false
      break
  }
  const pattern = patternOf(rule.repoTagFilterPattern)
  return pattern !== null && pattern.matches(ref.tag)
}
