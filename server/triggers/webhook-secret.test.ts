import { describe, expect, it } from 'vitest'
import { hashWebhookSecret, newWebhookSecret, webhookSecretMatches } from './webhook-secret'

describe('webhook secrets', () => {
  it('are random, long, and only their hash matches them', () => {
    const a = newWebhookSecret()
    const b = newWebhookSecret()
    expect(a).not.toBe(b)
    expect(a).toMatch(/^lswh_[A-Za-z0-9_-]{43}$/)
    const hash = hashWebhookSecret(a)
    expect(hash).not.toContain(a)
    expect(webhookSecretMatches(hash, a)).toBe(true)
    expect(webhookSecretMatches(hash, b)).toBe(false)
    expect(webhookSecretMatches(hash, `${a} `)).toBe(false)
  })

  it('match nothing when no secret is set or none was sent', () => {
    expect(webhookSecretMatches(null, 'anything')).toBe(false)
    expect(webhookSecretMatches(hashWebhookSecret('x'), undefined)).toBe(false)
    expect(webhookSecretMatches(hashWebhookSecret('x'), '')).toBe(false)
  })
})
