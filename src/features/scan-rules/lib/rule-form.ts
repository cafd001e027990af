import type { z } from 'zod'
import { previewScanRuleQuery } from '@contract/scan-rule-preview'
import {
  createScanRuleBody,
  updateScanRuleBody,
  type CreateScanRuleInput,
  type ScanRule,
  type ScanRuleScope,
  type ScanRuleTrigger,
  type ScanRuleType,
  type UpdateScanRuleInput,
} from '@contract/scan-rules'

/**
 * What the rule form holds. Each scope keeps its own selectors, so switching scope and
 * back does not lose what was typed: NAMESPACE's `namespaces`, REPO's one `repoNamespace`
 * and its `repoNames`.
 */
export interface ScanRuleFormValues {
  ruleName: string
  scanScope: ScanRuleScope
  namespaces: string[]
  repoNamespace: string
  repoNames: string[]
  repoTagFilterPattern: string
  triggerType: ScanRuleTrigger
  scanType: ScanRuleType
  rescanOnAdvisoryUpdate: boolean
}

export type ScanRuleFormField = keyof ScanRuleFormValues
/** Messages per field; `form` holds what belongs to no field. */
export type ScanRuleFormErrors = Partial<Record<ScanRuleFormField | 'form', string[]>>

export const emptyScanRuleForm: ScanRuleFormValues = {
  ruleName: '',
  scanScope: 'INSTANCE',
  namespaces: [],
  repoNamespace: '',
  repoNames: [],
  repoTagFilterPattern: '.*',
  triggerType: 'MANUAL',
  scanType: 'VUL',
  rescanOnAdvisoryUpdate: false,
}

export const scanRuleFieldLabels: Record<ScanRuleFormField, string> = {
  ruleName: 'Name',
  scanScope: 'Scope',
  namespaces: 'Namespaces',
  repoNamespace: 'Namespace',
  repoNames: 'Repositories',
  repoTagFilterPattern: 'Tag pattern',
  triggerType: 'Trigger',
  scanType: 'Scan type',
  rescanOnAdvisoryUpdate: 'Rescan on advisory updates',
}

/** A saved rule as form values, for editing. */
export function formFromRule(rule: ScanRule): ScanRuleFormValues {
  return {
    ruleName: rule.ruleName,
    scanScope: rule.scanScope,
    namespaces: rule.scanScope === 'NAMESPACE' ? rule.namespaces : [],
    repoNamespace: rule.scanScope === 'REPO' ? (rule.namespaces[0] ?? '') : '',
    repoNames: rule.scanScope === 'REPO' ? rule.repoNames : [],
    repoTagFilterPattern: rule.repoTagFilterPattern,
    triggerType: rule.triggerType,
    scanType: rule.scanType,
    rescanOnAdvisoryUpdate: rule.rescanOnAdvisoryUpdate,
  }
}

/**
 * The selectors the chosen scope sends; the other scopes' drafts stay in the form only.
 *
 * @example
 * scopeSelectors({ ...emptyScanRuleForm, scanScope: 'REPO', repoNamespace: ' demo ', repoNames: ['api'], namespaces: ['x'] })
 * // { scanScope: 'REPO', namespaces: ['demo'], repoNames: ['api'] }
 */
export function scopeSelectors(values: ScanRuleFormValues): { scanScope: ScanRuleScope; namespaces: string[]; repoNames: string[] } {
  switch (values.scanScope) {
    case 'INSTANCE':
      return { scanScope: 'INSTANCE', namespaces: [], repoNames: [] }
    case 'NAMESPACE':
      return { scanScope: 'NAMESPACE', namespaces: values.namespaces, repoNames: [] }
    case 'REPO': {
      const ns = values.repoNamespace.trim()
      return { scanScope: 'REPO', namespaces: ns ? [ns] : [], repoNames: values.repoNames }
    }
  }
}

/** The form as the contract's createScanRule input. */
export function toCreateInput(instanceId: string, values: ScanRuleFormValues): z.input<typeof createScanRuleBody> {
  return {
    instanceId,
    ruleName: values.ruleName,
    ...scopeSelectors(values),
    repoTagFilterPattern: values.repoTagFilterPattern,
    triggerType: values.triggerType,
    scanType: values.scanType,
    rescanOnAdvisoryUpdate: values.rescanOnAdvisoryUpdate,
  }
}

/** The form as updateScanRule's full replace; scanType is left out because it cannot change. */
export function toUpdateInput(instanceId: string, scanRuleId: string, values: ScanRuleFormValues): z.input<typeof updateScanRuleBody> {
  const { scanType: _fixed, ...rest } = toCreateInput(instanceId, values)
  return { ...rest, scanRuleId }
}

/**
 * What the live preview asks for, or null while the scope is incomplete (no namespace
 * yet, say): the server would only answer that the rule is not finished.
 */
export function toPreviewInput(instanceId: string, values: ScanRuleFormValues): z.output<typeof previewScanRuleQuery> | null {
  const parsed = previewScanRuleQuery.safeParse({ instanceId, ...scopeSelectors(values), repoTagFilterPattern: values.repoTagFilterPattern })
  return parsed.success ? parsed.data : null
}

/** A contract field name as the form field showing it: in REPO scope the one namespace has its own input. */
function formField(key: string, scope: ScanRuleScope): ScanRuleFormField | null {
  if (key === 'namespaces' && scope === 'REPO') return 'repoNamespace'
  return key in scanRuleFieldLabels ? (key as ScanRuleFormField) : null
}

/** "is required" → "Name is required"; a full sentence keeps its own wording after the label. */
function sentence(field: ScanRuleFormField, message: string): string {
  const label = scanRuleFieldLabels[field]
  return /^[a-z]/.test(message) ? `${label} ${message}` : `${label}: ${message}`
}

/**
 * Per-field messages from field→messages pairs (the server's `fieldErrors` or a zod
 * flatten), placed at the input that shows the field in this scope; the rest go to `form`.
 *
 * @example
 * toFormErrors({ namespaces: ['must name exactly one namespace for REPO scope'] }, 'REPO')
 * // { repoNamespace: ['Namespace must name exactly one namespace for REPO scope'] }
 */
export function toFormErrors(fieldErrors: Record<string, string[] | undefined>, scope: ScanRuleScope): ScanRuleFormErrors {
  const errors: ScanRuleFormErrors = {}
  for (const [key, messages] of Object.entries(fieldErrors)) {
    if (!messages?.length) continue
    const field = formField(key.split('.')[0] ?? '', scope)
    if (field) (errors[field] ??= []).push(...messages.map((m) => sentence(field, m)))
    else (errors.form ??= []).push(...messages.map((m) => (key === '_' ? m : `${key}: ${m}`)))
  }
  return errors
}

/** zod's default wording ("Too small: expected string…") in the server's words ("is required"), so both read alike. */
function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'too_small' && issue.origin === 'string' && issue.minimum === 1) return 'is required'
  if (issue.code === 'too_big') return `must be at most ${String(issue.maximum)}${issue.origin === 'string' ? ' characters' : ''}`
  return issue.message
}

/** Client-side checks show the first problem per field; fixing it reveals the next. */
function firstIssues(error: z.ZodError, scope: ScanRuleScope): ScanRuleFormErrors {
  const first: Record<string, string[]> = {}
  for (const issue of error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : '_'
    first[key] ??= [issueMessage(issue)]
  }
  return toFormErrors(first, scope)
}

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: ScanRuleFormErrors }

/** Checks a new rule with the contract schema the server applies (the pattern's RE2 check is the server's). */
export function validateCreate(instanceId: string, values: ScanRuleFormValues): Validation<CreateScanRuleInput> {
  const result = createScanRuleBody.safeParse(toCreateInput(instanceId, values))
  return result.success ? { ok: true, value: result.data } : { ok: false, errors: firstIssues(result.error, values.scanScope) }
}

export function validateUpdate(instanceId: string, scanRuleId: string, values: ScanRuleFormValues): Validation<UpdateScanRuleInput> {
  const result = updateScanRuleBody.safeParse(toUpdateInput(instanceId, scanRuleId, values))
  return result.success ? { ok: true, value: result.data } : { ok: false, errors: firstIssues(result.error, values.scanScope) }
}

/**
 * Names typed into a selector box: split on commas and whitespace, trimmed, without
 * repeats or names already chosen.
 *
 * @example
 * splitNames('demo, prod  demo', ['prod']) // ['demo']
 */
export function splitNames(text: string, existing: readonly string[] = []): string[] {
  const out: string[] = []
  for (const name of text.split(/[\s,]+/)) {
    if (name && !existing.includes(name) && !out.includes(name)) out.push(name)
  }
  return out
}
