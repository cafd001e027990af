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
