import { describe, expect, it } from 'vitest'
import { registryNotificationConfig, webhookUrl } from './webhook-config'

describe('registryNotificationConfig', () => {
  it('writes the endpoint with the URL and the secret header, ignoring pulls', () => {
    const yaml = registryNotificationConfig({ url: 'https://ls.example.com/api/hooks/registry/cri-1', header: 'X-Layerscope-Webhook-Secret', secret: 'lswh_abc-DEF_1' })
    expect(yaml).toContain('      url: https://ls.example.com/api/hooks/registry/cri-1\n')
    expect(yaml).toContain('        X-Layerscope-Webhook-Secret: [lswh_abc-DEF_1]\n')
    expect(yaml).toContain('        actions: [pull]')
    expect(yaml.startsWith('notifications:\n  endpoints:\n    - name: layerscope\n')).toBe(true)
  })

  it('quotes a chosen secret that YAML would otherwise split or misread', () => {
    const yaml = registryNotificationConfig({ url: 'http://x', header: 'H', secret: "a,b]c'd" })
    expect(yaml).toContain("H: ['a,b]c''d']")
  })
})

describe('webhookUrl', () => {
  it('joins the origin and path without a doubled slash', () => {
    expect(webhookUrl('https://ls.example.com/', '/api/hooks/registry/cri-1')).toBe('https://ls.example.com/api/hooks/registry/cri-1')
    expect(webhookUrl('http://127.0.0.1:8080', '/api/hooks/registry/cri-1')).toBe('http://127.0.0.1:8080/api/hooks/registry/cri-1')
  })
})
