import { describe, expect, it } from 'vitest'
import type { MatchableRule } from './rule-matcher'
import { matchPage, unknownSelectors, type IndexedTag } from './rule-preview'

const tag = (fullName: string, t: string): IndexedTag => {
  const [ns = '', name = ''] = fullName.split('/')
  return { repoId: `crr-${name.padEnd(16, '0').slice(0, 16)}`, repoNamespaceName: ns, repoName: name, fullName, tag: t, digest: 'sha256:0' }
}
const index = [tag('demo/api', '1.0'), tag('demo/api', '1.1'), tag('demo/api', 'latest'), tag('demo/web', '1.0'), tag('prod/api', '1.0')]
const rule = (over: Partial<MatchableRule>): MatchableRule => ({ scanScope: 'INSTANCE', namespaces: [], repoNames: [], repoTagFilterPattern: '.*', ...over })
const names = (items: IndexedTag[]) => items.map((i) => `${i.fullName}:${i.tag}`)

describe('matchPage', () => {
  it('counts the scope and the matches apart and keeps the requested page of matches', () => {
    const r = rule({ scanScope: 'NAMESPACE', namespaces: ['demo'], repoTagFilterPattern: '1\\..*' })
    expect(matchPage(r, index, { pageNo: 1, pageSize: 2 })).toEqual({
      items: [index[0], index[1]],
      matchedTagCount: 3,
      matchedRepoCount: 2,
      scopeTagCount: 4,
      scopeRepoCount: 2,
    })
    expect(names(matchPage(r, index, { pageNo: 2, pageSize: 2 }).items)).toEqual(['demo/web:1.0'])
    expect(matchPage(r, index, { pageNo: 3, pageSize: 2 }).items).toEqual([])
  })

  it('applies REPO scope to the one namespace only', () => {
    const r = rule({ scanScope: 'REPO', namespaces: ['prod'], repoNames: ['api'] })
    expect(names(matchPage(r, index, { pageNo: 1, pageSize: 10 }).items)).toEqual(['prod/api:1.0'])
  })

  it('matches the whole tag', () => {
    expect(matchPage(rule({ repoTagFilterPattern: 'late' }), index, { pageNo: 1, pageSize: 10 }).matchedTagCount).toBe(0)
    expect(matchPage(rule({ repoTagFilterPattern: 'late.*' }), index, { pageNo: 1, pageSize: 10 }).matchedTagCount).toBe(1)
  })

  it('stays linear for (a+)+$ over long tags', () => {
    const long = Array.from({ length: 2_000 }, (_, i) => tag('demo/api', `${'a'.repeat(120)}!${String(i)}`))
    const started = performance.now()
    expect(matchPage(rule({ repoTagFilterPattern: '(a+)+$' }), long, { pageNo: 1, pageSize: 20 }).matchedTagCount).toBe(0)
    expect(performance.now() - started).toBeLessThan(1_000)
  })
})

describe('unknownSelectors', () => {
  const repos = [
    { namespace: 'demo', name: 'api' },
    { namespace: 'prod', name: 'web' },
  ]
  it('lists namespaces the index lacks', () => {
    expect(unknownSelectors({ scanScope: 'NAMESPACE', namespaces: ['demo', 'future'], repoNames: [] }, repos)).toEqual({ unknownNamespaces: ['future'], unknownRepos: [] })
  })
  it('lists REPO names missing from that namespace, even when another namespace has them', () => {
    expect(unknownSelectors({ scanScope: 'REPO', namespaces: ['demo'], repoNames: ['api', 'web'] }, repos)).toEqual({ unknownNamespaces: [], unknownRepos: ['web'] })
  })
})
