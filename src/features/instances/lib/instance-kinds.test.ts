import { describe, expect, it } from 'vitest'
import { instanceKind, providerOfKind } from '@contract/instances'
import { connectionStepLabel, instanceKindOptions } from './instance-kinds'

describe('instanceKindOptions', () => {
  it('offers every kind of the contract once, each with its provider', () => {
    expect(instanceKindOptions.map((k) => k.value).sort()).toEqual([...instanceKind.options].sort())
    for (const option of instanceKindOptions) expect(option.provider).toBe(providerOfKind[option.value])
  })

  it('names no kind inside another’s name, so each radio is found by its own', () => {
    for (const a of instanceKindOptions) {
      for (const b of instanceKindOptions) if (a !== b) expect(b.label.includes(a.label)).toBe(false)
    }
  })
})

describe('connectionStepLabel', () => {
  it('names the API step after what each kind talks to', () => {
    expect(connectionStepLabel('REGISTRY', 'api')).toBe('Registry API')
    expect(connectionStepLabel('ACR', 'api')).toBe('Alibaba Cloud OpenAPI')
    expect(connectionStepLabel('STACKROX', 'api')).toBe('Central API')
    expect(connectionStepLabel('STACKROX', 'resolve')).toBe('Resolve host')
  })
})
