import { describe, expect, it } from 'vitest'
import { emptyInstanceForm, toCreateInstanceInput, toFormErrors, validateConnection, validateInstanceForm } from './instance-form'

const registry = { ...emptyInstanceForm, instanceName: 'prod', url: 'https://registry.example.com' }

describe('validateInstanceForm', () => {
  it('accepts a registry and drops empty credentials', () => {
    const result = validateInstanceForm(registry)
    expect(result).toEqual({
      ok: true,
      value: { kind: 'REGISTRY', instanceName: 'prod', url: 'https://registry.example.com', insecureTls: false },
    })
  })

  it('accepts a directory and sends only its fields', () => {
    const values = { ...emptyInstanceForm, kind: 'DIRECTORY' as const, instanceName: 'local', path: '/srv/images', url: 'ignored' }
    expect(toCreateInstanceInput(values)).toEqual({ kind: 'DIRECTORY', path: '/srv/images', instanceName: 'local' })
    expect(validateInstanceForm(values).ok).toBe(true)
  })

  it('names each wrong field in a sentence', () => {
    const result = validateInstanceForm({ ...emptyInstanceForm, url: 'ftp://x' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors.instanceName).toEqual(['Name is required'])
    expect(result.errors.url?.[0]).toMatch(/^Registry URL must be an http:\/\/ or https:\/\/ URL/)
  })

  it('refuses credentials inside the URL', () => {
    const result = validateInstanceForm({ ...registry, url: 'https://user:pw@registry.example.com' })
    expect(result.ok).toBe(false)
  })

  it('requires a path for directories', () => {
    const result = validateInstanceForm({ ...emptyInstanceForm, kind: 'DIRECTORY', instanceName: 'x' })
    expect(result.ok ? null : result.errors.path).toEqual(['Directory path is required'])
  })
})

describe('validateConnection', () => {
  it('does not need a name', () => {
    expect(validateConnection({ ...registry, instanceName: '' }).ok).toBe(true)
  })
})

describe('toFormErrors', () => {
  it('maps server field errors onto fields and keeps the rest for the form', () => {
    expect(toFormErrors({ url: ['is required'], 'password.0': ['Too long'], _: ['check the connection'], other: ['x'] })).toEqual({
      url: ['Registry URL is required'],
      password: ['Password: Too long'],
      form: ['check the connection', 'x'],
    })
  })
})

describe('ACR and StackRox instances', () => {
  const acr = { ...emptyInstanceForm, kind: 'ACR' as const, instanceName: 'cloud', regionId: 'cn-hangzhou', acrInstanceId: 'cri-2j88dtld8yel0a1b' }

  it('sends the AccessKey typed in, and never another kind’s secret', () => {
    const values = { ...acr, accessKeyId: 'LTAI5t', accessKeySecret: 'key-secret', password: 'registry-password', apiToken: 'central-token' }
    const result = validateInstanceForm(values)
    expect(result).toEqual({
      ok: true,
      value: { kind: 'ACR', instanceName: 'cloud', regionId: 'cn-hangzhou', acrInstanceId: 'cri-2j88dtld8yel0a1b', accessKeyId: 'LTAI5t', accessKeySecret: 'key-secret' },
    })
  })

  it('sends no key at all with the server environment’s credentials, even if one was typed before', () => {
    const result = validateInstanceForm({ ...acr, acrKeySource: 'ENVIRONMENT', accessKeyId: 'LTAI5t', accessKeySecret: 'typed earlier' })
    expect(result.ok && result.value).toEqual({ kind: 'ACR', instanceName: 'cloud', regionId: 'cn-hangzhou', acrInstanceId: 'cri-2j88dtld8yel0a1b' })
  })

  it('asks for the secret when only the AccessKey ID is given', () => {
    const result = validateInstanceForm({ ...acr, accessKeyId: 'LTAI5t' })
    expect(result.ok ? null : result.errors.accessKeySecret?.[0]).toMatch(/^AccessKey secret: give both the AccessKey ID and secret/)
  })

  it('calls a StackRox URL the Central URL in messages', () => {
    const result = validateInstanceForm({ ...emptyInstanceForm, kind: 'STACKROX', instanceName: 'rhacs', apiToken: 'token' })
    expect(result.ok ? null : result.errors.url).toEqual(['Central URL is required'])
    expect(toFormErrors({ url: ['is required'] }, 'STACKROX')).toEqual({ url: ['Central URL is required'] })
  })

  it('sends a StackRox token, cluster and TLS choice', () => {
    const values = { ...emptyInstanceForm, kind: 'STACKROX' as const, instanceName: 'rhacs', url: 'https://central.example.com', apiToken: 'token', cluster: 'prod' }
    expect(validateInstanceForm(values)).toEqual({
      ok: true,
      value: { kind: 'STACKROX', instanceName: 'rhacs', url: 'https://central.example.com', apiToken: 'token', cluster: 'prod', insecureTls: false },
    })
  })
})
