import { describe, expect, it } from 'vitest'
import { classifyEvent, registryEnvelope } from './registry-events'

const digest = `sha256:${'ab'.repeat(32)}`

describe('registry notification events', () => {
  it('a tagged manifest push is a push, with its digest and actor', () => {
    const e = { id: 'e1', action: 'push', target: { mediaType: 'application/vnd.oci.image.index.v1+json', repository: 'team/api', tag: '1.4', digest }, actor: { name: 'ci' } }
    expect(classifyEvent(e)).toEqual({ push: { eventId: 'e1', repository: 'team/api', tag: '1.4', digest, actor: 'ci' } })
  })

  it('pulls, deletes and pushes without a tag (blobs, manifests by digest) are ignored', () => {
    expect(classifyEvent({ id: 'e2', action: 'pull', target: { repository: 'team/api', tag: '1.4', digest } })).toEqual({ ignored: 'not-a-push' })
    expect(classifyEvent({ id: 'e3', action: 'delete', target: { repository: 'team/api', digest } })).toEqual({ ignored: 'not-a-push' })
    expect(classifyEvent({ id: 'e4', action: 'push', target: { mediaType: 'application/octet-stream', repository: 'team/api', digest } })).toEqual({ ignored: 'no-tag' })
    expect(classifyEvent({ id: 'e5', action: 'push', target: { repository: 'team/api', tag: '' } })).toEqual({ ignored: 'no-tag' })
  })

  it('the envelope needs event ids and well-formed digests, and keeps fields it does not know', () => {
    expect(registryEnvelope.safeParse({ events: [{ action: 'push' }] }).success).toBe(false)
    expect(registryEnvelope.safeParse({ events: [{ id: 'e', action: 'push', target: { digest: 'sha256:../../etc' } }] }).success).toBe(false)
    const parsed = registryEnvelope.parse({ events: [{ id: 'e', action: 'push', target: { digest, size: 708 }, source: { addr: 'r:5000' } }] })
    expect(parsed.events[0]).toMatchObject({ source: { addr: 'r:5000' }, target: { size: 708 } })
  })
})
