import { z } from 'zod'
import { createInstanceBody, instanceConnection, type CreateInstanceBody, type InstanceConnection, type InstanceKind } from '@contract/instances'

/** What the "Add instance" form holds: every field of both kinds, as typed. */
export interface InstanceFormValues {
  kind: InstanceKind
  instanceName: string
  url: string
  username: string
  password: string
  insecureTls: boolean
  path: string
}

export type InstanceFormField = Exclude<keyof InstanceFormValues, 'kind'>
/** Messages per field; `form` holds what belongs to no field. */
export type InstanceFormErrors = Partial<Record<InstanceFormField | 'form', string[]>>

export const emptyInstanceForm: InstanceFormValues = {
  kind: 'REGISTRY',
  instanceName: '',
  url: '',
  username: '',
  password: '',
  insecureTls: false,
  path: '',
}

export const instanceFieldLabels: Record<InstanceFormField, string> = {
  instanceName: 'Name',
  url: 'Registry URL',
  username: 'Username',
  password: 'Password',
  insecureTls: 'Skip TLS verification',
  path: 'Directory path',
}

/** The connection part of the form, as the contract's `instanceConnection` input. */
export function toConnectionInput(values: InstanceFormValues): z.input<typeof instanceConnection> {
  if (values.kind === 'DIRECTORY') return { kind: 'DIRECTORY', path: values.path }
  return {
    kind: 'REGISTRY',
    url: values.url,
    username: values.username,
    password: values.password,
    insecureTls: values.insecureTls,
  }
}

/** The whole form as the contract's `createInstanceBody` input. */
export function toCreateInstanceInput(values: InstanceFormValues): z.input<typeof createInstanceBody> {
  return { ...toConnectionInput(values), instanceName: values.instanceName }
}

function isField(key: string): key is InstanceFormField {
  return key in instanceFieldLabels
}

/** "is required" → "Name is required"; a full sentence keeps its own wording after the label. */
function sentence(field: InstanceFormField, message: string): string {
  const label = instanceFieldLabels[field]
  return /^[a-z]/.test(message) ? `${label} ${message}` : `${label}: ${message}`
}

/**
 * Per-field messages from field→messages pairs (a zod flatten or the server's
 * `fieldErrors`); keys that are no form field go to `form`.
 *
 * @example
 * toFormErrors({ url: ['is required'], _: ['give a URL'] }) // { url: ['Registry URL is required'], form: ['give a URL'] }
 */
export function toFormErrors(fieldErrors: Record<string, string[] | undefined>): InstanceFormErrors {
  const errors: InstanceFormErrors = {}
  for (const [key, messages] of Object.entries(fieldErrors)) {
    if (!messages?.length) continue
    const field = key.split('.')[0] ?? ''
    if (isField(field)) (errors[field] ??= []).push(...messages.map((m) => sentence(field, m)))
    else (errors.form ??= []).push(...messages)
  }
  return errors
}

/** Client-side checks show the first problem per field; fixing it reveals the next. */
function issuesToErrors(error: z.ZodError): InstanceFormErrors {
  const flat = z.flattenError(error as z.ZodError<Record<string, unknown>>)
  const fieldErrors: Record<string, string[] | undefined> = flat.fieldErrors
  const first: Record<string, string[]> = {}
  for (const [key, messages] of Object.entries(fieldErrors)) {
    if (messages?.[0]) first[key] = [messages[0]]
  }
  if (flat.formErrors[0]) first._ = [flat.formErrors[0]]
  return toFormErrors(first)
}

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: InstanceFormErrors }

/** Checks the form with the contract schema the server will apply. */
export function validateInstanceForm(values: InstanceFormValues): Validation<CreateInstanceBody> {
  const result = createInstanceBody.safeParse(toCreateInstanceInput(values))
  return result.success ? { ok: true, value: result.data } : { ok: false, errors: issuesToErrors(result.error) }
}

/** Checks only the connection fields, for "Test connection" before a name is chosen. */
export function validateConnection(values: InstanceFormValues): Validation<InstanceConnection> {
  const result = instanceConnection.safeParse(toConnectionInput(values))
  return result.success ? { ok: true, value: result.data } : { ok: false, errors: issuesToErrors(result.error) }
}
