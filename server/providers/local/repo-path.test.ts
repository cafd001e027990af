import { describe, expect, it } from 'vitest'
import { splitRepoPath } from './repo-path'

describe('splitRepoPath', () => {
  it.each([
    ['team/app', 'team', 'app'],
    ['team/svc/api', 'team', 'svc/api'],
    ['alpine', 'library', 'alpine'],
    ['demo/shop-app', 'demo', 'shop-app'],
  ])('%s → %s + %s', (full, ns, name) => {
    expect(splitRepoPath(full)).toEqual({ namespace: ns, name })
  })
})
