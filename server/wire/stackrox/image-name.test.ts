import { describe, expect, it } from 'vitest'
import { candidatePaths, parseImageName } from './image-name'
import { StackRoxError } from './stackrox-errors'

const digest = `sha256:${'e'.repeat(64)}`

describe('parseImageName', () => {
  it.each([
    ['registry.example.com:5000/team/api:1.4', { registry: 'registry.example.com:5000', repository: 'team/api', tag: '1.4' }],
    ['LOCALHOST:5000/team/api', { registry: 'localhost:5000', repository: 'team/api', tag: 'latest' }],
    ['demo/shop-app:1.0.0', { repository: 'demo/shop-app', tag: '1.0.0' }],
    [`demo/shop-app@${digest}`, { repository: 'demo/shop-app', digest }],
    [`cri-0123456789abcdef/demo/shop-app:1.0.0@${digest}`, { instanceId: 'cri-0123456789abcdef', repository: 'demo/shop-app', tag: '1.0.0', digest }],
    ['docker.io/library/alpine:3.18', { registry: 'docker.io', repository: 'library/alpine', tag: '3.18' }],
  ])('%s', (input, expected) => {
    expect(parseImageName(input)).toEqual(expected)
  })

  it('refuses a malformed name as INVALID_ARGUMENT', () => {
    for (const bad of ['Demo/App:1', 'team/api:.bad', 'team/api@sha256:abc', '']) {
      expect(() => parseImageName(bad), bad).toThrow(StackRoxError)
    }
  })
})

describe('candidatePaths', () => {
  it('tries Docker Hub’s library/ both ways', () => {
    expect(candidatePaths({ registry: 'docker.io', repository: 'library/alpine' })).toEqual(['library/alpine', 'alpine'])
    expect(candidatePaths({ repository: 'alpine' })).toEqual(['alpine', 'library/alpine'])
    expect(candidatePaths({ registry: 'r.example', repository: 'alpine' })).toEqual(['alpine'])
    expect(candidatePaths({ repository: 'demo/shop-app' })).toEqual(['demo/shop-app'])
  })
})
