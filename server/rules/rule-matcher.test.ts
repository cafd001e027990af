import { describe, expect, it } from 'vitest'
import { compileTagPattern, describePatternError, ruleMatches, type MatchableRule } from './rule-matcher'

const instance = (pattern: string): MatchableRule => ({ scanScope: 'INSTANCE', namespaces: [], repoNames: [], repoTagFilterPattern: pattern })
const namespaces = (ns: string[], pattern = '.*'): MatchableRule => ({ scanScope: 'NAMESPACE', namespaces: ns, repoNames: [], repoTagFilterPattern: pattern })
const repos = (ns: string, names: string[], pattern = '.*'): MatchableRule => ({ scanScope: 'REPO', namespaces: [ns], repoNames: names, repoTagFilterPattern: pattern })

describe('ruleMatches', () => {
  const cases: [string, MatchableRule, { namespace: string; repoName: string; tag: string }, boolean][] = [
    // Scope
    ['INSTANCE scope covers every repository', instance('.*'), { namespace: 'any', repoName: 'thing', tag: 'v1' }, true],
    ['INSTANCE scope covers repositories without a namespace', instance('.*'), { namespace: '', repoName: 'thing', tag: 'v1' }, true],
    ['NAMESPACE scope: a listed namespace', namespaces(['demo', 'prod']), { namespace: 'prod', repoName: 'api', tag: '1.0' }, true],
    ['NAMESPACE scope: an unlisted namespace', namespaces(['demo', 'prod']), { namespace: 'dev', repoName: 'api', tag: '1.0' }, false],
    ['NAMESPACE scope: names are compared exactly, not as prefixes', namespaces(['demo']), { namespace: 'demo2', repoName: 'api', tag: '1.0' }, false],
    ['NAMESPACE scope: names are case-sensitive', namespaces(['Demo']), { namespace: 'demo', repoName: 'api', tag: '1.0' }, false],
    ['REPO scope: a listed repository in the namespace', repos('demo', ['api', 'web']), { namespace: 'demo', repoName: 'web', tag: '1.0' }, true],
    ['REPO scope: an unlisted repository', repos('demo', ['api']), { namespace: 'demo', repoName: 'web', tag: '1.0' }, false],
    ['REPO scope: the same repository name in another namespace', repos('demo', ['api']), { namespace: 'prod', repoName: 'api', tag: '1.0' }, false],
    ['NAMESPACE scope with a pattern that does not match', namespaces(['demo'], 'prod-.*'), { namespace: 'demo', repoName: 'api', tag: 'dev-1' }, false],
    ['REPO scope with a pattern that matches', repos('demo', ['api'], 'v[0-9]+'), { namespace: 'demo', repoName: 'api', tag: 'v12' }, true],
    // Patterns: the whole tag must match
    ['`.*` matches any tag', instance('.*'), { namespace: 'n', repoName: 'r', tag: 'latest' }, true],
    ['`prod-.*` matches prod- (.* may match nothing)', instance('prod-.*'), { namespace: 'n', repoName: 'r', tag: 'prod-' }, true],
    ['`prod-.*` matches prod-1', instance('prod-.*'), { namespace: 'n', repoName: 'r', tag: 'prod-1' }, true],
    ['`prod-.*` does not match preprod-1 (anchored at the start)', instance('prod-.*'), { namespace: 'n', repoName: 'r', tag: 'preprod-1' }, false],
    ['`prod` does not match prod-1 (anchored at the end)', instance('prod'), { namespace: 'n', repoName: 'r', tag: 'prod-1' }, false],
    ['`.*prod.*` matches a substring', instance('.*prod.*'), { namespace: 'n', repoName: 'r', tag: 'preprod-1' }, true],
    ['explicit anchors are harmless', instance('^v1\\.[0-9]+$'), { namespace: 'n', repoName: 'r', tag: 'v1.24' }, true],
    ['`.` is any character: 1.24 matches 1x24', instance('1.24'), { namespace: 'n', repoName: 'r', tag: '1x24' }, true],
    ['an escaped dot is a dot', instance('1\\.24'), { namespace: 'n', repoName: 'r', tag: '1x24' }, false],
    ['alternation covers each whole alternative', instance('latest|stable'), { namespace: 'n', repoName: 'r', tag: 'stable' }, true],
    ['alternation is anchored as a whole', instance('latest|stable'), { namespace: 'n', repoName: 'r', tag: 'latest-rc' }, false],
    ['patterns are case-sensitive', instance('latest'), { namespace: 'n', repoName: 'r', tag: 'LATEST' }, false],
    ['(?i) makes them case-insensitive', instance('(?i)latest'), { namespace: 'n', repoName: 'r', tag: 'LATEST' }, true],
    ['an invalid stored pattern matches nothing', instance('a(b'), { namespace: 'n', repoName: 'r', tag: 'a(b' }, false],
  ]
  it.each(cases)('%s', (_name, rule, ref, expected) => {
    expect(ruleMatches(rule, ref)).toBe(expected)
  })

  it('answers a catastrophic-backtracking pattern in linear time', () => {
    const rule = instance('(a+)+$')
    const evil = 'a'.repeat(10_000) + '!'
    const started = performance.now()
    expect(ruleMatches(rule, { namespace: 'n', repoName: 'r', tag: evil })).toBe(false)
    expect(ruleMatches(rule, { namespace: 'n', repoName: 'r', tag: 'a'.repeat(10_000) })).toBe(true)
    expect(performance.now() - started).toBeLessThan(100)
  })
})

describe('compileTagPattern', () => {
  it('accepts RE2 syntax', () => {
    expect(compileTagPattern('prod-[0-9]+\\.[0-9]+').ok).toBe(true)
  })

  it.each([
    ['a(b', 'missing closing )'],
    ['v1)', 'unexpected )'],
    ['[a-', 'missing closing ]'],
    ['*x', 'missing argument to repetition operator'],
    ['(?=x)y', 'invalid or unsupported Perl syntax'],
    ['(a)\\1', 'invalid escape sequence'],
  ])('refuses %s with the reason (%s)', (source, reason) => {
    const res = compileTagPattern(source)
    expect(res.ok).toBe(false)
    if (!res.ok) expect(res.reason).toBe(reason)
  })

  it('names the position of the offending part when the parser gives it', () => {
    const res = compileTagPattern('prod-[a-')
    expect(res).toMatchObject({ ok: false, position: 5 })
    if (!res.ok) expect(describePatternError(res)).toBe('is not a valid RE2 pattern at position 5: missing closing ]')
  })
})
