import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { RuleSelectors, type RuleSelectorsProps } from './rule-selectors'

/** The names shown, each with its flag in words when the index lacks it. */
function shown(rule: RuleSelectorsProps['rule']): string[] {
  const html = renderToStaticMarkup(<RuleSelectors rule={rule} />)
  return [...html.matchAll(/<li>(.*?)<\/li>/g)].map((m) => (m[1] ?? '').replace(/<[^>]+>/g, ''))
}

describe('RuleSelectors', () => {
  it('flags REPO names missing from the index, and every name of a namespace the index lacks', () => {
    expect(shown({ scanScope: 'REPO', namespaces: ['demo'], repoNames: ['web', 'api'], unknownNamespaces: [], unknownRepos: ['api'] })).toEqual([
      'demo/web',
      'demo/api(not in index)',
    ])
    expect(shown({ scanScope: 'REPO', namespaces: ['future'], repoNames: ['web'], unknownNamespaces: ['future'], unknownRepos: [] })).toEqual([
      'future/web(not in index)',
    ])
  })

  it('lists NAMESPACE scope’s namespaces and says INSTANCE scope covers everything', () => {
    expect(shown({ scanScope: 'NAMESPACE', namespaces: ['demo', 'next'], repoNames: [], unknownNamespaces: ['next'], unknownRepos: [] })).toEqual([
      'demo',
      'next(not in index)',
    ])
    const html = renderToStaticMarkup(<RuleSelectors rule={{ scanScope: 'INSTANCE', namespaces: [], repoNames: [], unknownNamespaces: [], unknownRepos: [] }} />)
    expect(html).toContain('Every repository')
  })
})
