import { describe, expect, it } from 'vitest'
import { indexedName } from './stackrox-provider'

describe('indexedName', () => {
  it.each([
    ['docker.io/library/nginx:1.25', { repository: 'docker.io/library/nginx', tag: '1.25' }],
    ['quay.example.com:5000/team/api:1.4', { repository: 'quay.example.com:5000/team/api', tag: '1.4' }],
    [`quay.example.com/team/api@sha256:${'e'.repeat(64)}`, { repository: 'quay.example.com/team/api', tag: null }],
    ['team/api', { repository: 'team/api', tag: null }],
  ])('%s', (input, expected) => {
    expect(indexedName(input)).toEqual(expected)
  })

  it('answers null for what is not an image reference', () => {
    expect(indexedName('Team/API:1')).toBeNull()
    expect(indexedName('')).toBeNull()
  })
})
