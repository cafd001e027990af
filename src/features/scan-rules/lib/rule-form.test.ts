import { describe, expect, it } from 'vitest'
import type { ScanRule } from '@contract/scan-rules'
import {
  emptyScanRuleForm,
  formFromRule,
  splitNames,
  toCreateInput,
  toFormErrors,
  toPreviewInput,
  toUpdateInput,
  validateCreate,
  validateUpdate,
  type ScanRuleFormValues,
} from './rule-form'

const instanceId = 'cri-0123456789abcdef'
const scanRuleId = 'crscnr-0123456789abcdef'
const form = (over: Partial<ScanRuleFormValues>): ScanRuleFormValues => ({ ...emptyScanRuleForm, ruleName: 'prod', ...over })

const savedRule: ScanRule = {
  scanRuleId,
  instanceId,
  ruleName: 'web 1.x',
  scanScope: 'REPO',
  triggerType: 'AUTO',
  scanType: 'SBOM',
  repoTagFilterPattern: '1\\..*',
  namespaces: ['demo'],
  repoNames: ['web', 'api'],
  rescanOnAdvisoryUpdate: true,
  createTime: 1,
  updateTime: 2,
  unknownNamespaces: [],
  unknownRepos: ['api'],
}

describe('form ↔ contract', () => {
  it('sends only the chosen scope’s selectors, whatever the other scopes hold', () => {
    const drafts = { namespaces: ['a', 'b'], repoNamespace: 'demo', repoNames: ['web'] }
    expect(toCreateInput(instanceId, form({ ...drafts, scanScope: 'INSTANCE' }))).toMatchObject({ scanScope: 'INSTANCE', namespaces: [], repoNames: [] })
    expect(toCreateInput(instanceId, form({ ...drafts, scanScope: 'NAMESPACE' }))).toMatchObject({ scanScope: 'NAMESPACE', namespaces: ['a', 'b'], repoNames: [] })
    expect(toCreateInput(instanceId, form({ ...drafts, scanScope: 'REPO', repoNamespace: ' demo ' }))).toMatchObject({
      scanScope: 'REPO',
      namespaces: ['demo'],
      repoNames: ['web'],
    })
    expect(toCreateInput(instanceId, form({ scanScope: 'REPO', repoNamespace: '  ' })).namespaces).toEqual([])
  })

  it('round-trips a saved rule through the form to the same update', () => {
    const values = formFromRule(savedRule)
    expect(values).toEqual({
      ruleName: 'web 1.x',
      scanScope: 'REPO',
      namespaces: [],
      repoNamespace: 'demo',
      repoNames: ['web', 'api'],
      repoTagFilterPattern: '1\\..*',
      triggerType: 'AUTO',
      scanType: 'SBOM',
      rescanOnAdvisoryUpdate: true,
    })
    const update = toUpdateInput(instanceId, scanRuleId, values)
    expect(update).toEqual({
      instanceId,
      scanRuleId,
      ruleName: 'web 1.x',
      scanScope: 'REPO',
      namespaces: ['demo'],
      repoNames: ['web', 'api'],
      repoTagFilterPattern: '1\\..*',
      triggerType: 'AUTO',
      rescanOnAdvisoryUpdate: true,
    })
    // scanType cannot change, so an update never sends it.
    expect(update).not.toHaveProperty('scanType')
    expect(validateUpdate(instanceId, scanRuleId, values).ok).toBe(true)
  })

  it('a NAMESPACE rule keeps its namespaces in the NAMESPACE field', () => {
    expect(formFromRule({ ...savedRule, scanScope: 'NAMESPACE', repoNames: [], namespaces: ['a', 'b'] })).toMatchObject({
      namespaces: ['a', 'b'],
      repoNamespace: '',
      repoNames: [],
    })
  })
})

describe('validation with the contract schema', () => {
  it('accepts a complete rule and names the field of each problem', () => {
    expect(validateCreate(instanceId, form({})).ok).toBe(true)
    const noName = validateCreate(instanceId, form({ ruleName: ' ' }))
    expect(noName).toEqual({ ok: false, errors: { ruleName: ['Name is required'] } })
    const noNs = validateCreate(instanceId, form({ scanScope: 'NAMESPACE' }))
    expect(noNs.ok ? {} : noNs.errors).toEqual({ namespaces: ['Namespaces must name at least one namespace for NAMESPACE scope'] })
  })

  it('in REPO scope puts the namespace problem at the one-namespace input', () => {
    const result = validateCreate(instanceId, form({ scanScope: 'REPO', repoNames: ['web'] }))
    expect(result.ok ? {} : result.errors).toEqual({ repoNamespace: ['Namespace must name exactly one namespace for REPO scope'] })
  })
})

describe('toFormErrors (server field errors)', () => {
  it('maps fields, keeps the server wording and sends unknown keys to the form', () => {
    expect(
      toFormErrors(
        {
          repoTagFilterPattern: ['is not a valid RE2 pattern at position 5: missing closing ]'],
          ruleName: ['is already used by another rule of this instance'],
          pageSize: ['must be at most 100'],
        },
        'INSTANCE',
      ),
    ).toEqual({
      repoTagFilterPattern: ['Tag pattern is not a valid RE2 pattern at position 5: missing closing ]'],
      ruleName: ['Name is already used by another rule of this instance'],
      form: ['pageSize: must be at most 100'],
    })
    expect(toFormErrors({ namespaces: ['must name at least one namespace'] }, 'NAMESPACE')).toEqual({
      namespaces: ['Namespaces must name at least one namespace'],
    })
  })
})

describe('toPreviewInput', () => {
  it('is null until the scope is complete, then the preview query', () => {
    expect(toPreviewInput(instanceId, form({ scanScope: 'NAMESPACE' }))).toBeNull()
    expect(toPreviewInput(instanceId, form({ scanScope: 'REPO', repoNamespace: 'demo' }))).toBeNull()
    expect(toPreviewInput(instanceId, form({ repoTagFilterPattern: '' }))).toBeNull()
    expect(toPreviewInput(instanceId, form({ scanScope: 'REPO', repoNamespace: 'demo', repoNames: ['web'], repoTagFilterPattern: 'v.*' }))).toEqual({
      instanceId,
      scanScope: 'REPO',
      namespaces: ['demo'],
      repoNames: ['web'],
      repoTagFilterPattern: 'v.*',
      pageNo: 1,
      pageSize: 20,
    })
  })
})

describe('splitNames', () => {
  it('splits on commas and spaces, drops repeats and names already chosen', () => {
    expect(splitNames('demo, prod  demo', ['prod'])).toEqual(['demo'])
    expect(splitNames(' , ')).toEqual([])
  })
})
