import { z } from 'zod'
import { createInstanceBody, instanceConnection, type CreateInstanceBody, type InstanceConnection, type InstanceKind } from '@contract/instances'

/** Where an ACR instance's AccessKey comes from: typed in here, or the server's environment. */
export type AcrKeySource = 'STORED' | 'ENVIRONMENT'

/** What the "Add instance" form holds: every field of every kind, as typed. */
export interface InstanceFormValues {
  kind: InstanceKind
  instanceName: string
  /** The registry URL (REGISTRY) or the Central URL (STACKROX). */
  url: string
  username: string
  password: string
  insecureTls: boolean
  path: string
  regionId: string
  acrInstanceId: string
  acrKeySource: AcrKeySource
  accessKeyId: string
  accessKeySecret: string
  /** ACR: an OpenAPI endpoint instead of https://cr.<region>.aliyuncs.com (a VPC endpoint, a proxy). */
  endpoint: string
  apiToken: string
  cluster: string
}

export type InstanceFormField = Exclude<keyof InstanceFormValues, 'kind' | 'acrKeySource'>
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
  regionId: '',
  acrInstanceId: '',
  acrKeySource: 'STORED',
  accessKeyId: '',
  accessKeySecret: '',
  endpoint: '',
  apiToken: '',
  cluster: '',
}

export const instanceFieldLabels: Record<InstanceFormField, string> = {
  instanceName: 'Name',
  url: 'Registry URL',
  username: 'Username',
  password: 'Password',
  insecureTls: 'Skip TLS verification',
  path: 'Directory path',
  regionId: 'Region',
  acrInstanceId: 'ACR instance ID',
  accessKeyId: 'AccessKey ID',
  accessKeySecret: 'AccessKey secret',
  endpoint: 'OpenAPI endpoint',
  apiToken: 'API token',
  cluster: 'Cluster',
}

/** The connection part of the form, as the contract's `instanceConnection` input: only the chosen kind's fields. */
export function toConnectionInput(values: InstanceFormValues): z.input<typeof instanceConnection> {
  switch (values.kind) {
    case 'DIRECTORY':
      return { kind: 'DIRECTORY', path: values.path }
    case 'ACR':
      return {
        kind: 'ACR',
        regionId: values.regionId,
        acrInstanceId: values.acrInstanceId,
        // With the server's environment credentials, no key is sent at all.
        ...(values.acrKeySource === 'STORED' ? { accessKeyId: values.accessKeyId, accessKeySecret: values.accessKeySecret } : {}),
        endpoint: values.endpoint,
      }
    case 'STACKROX':
      return { kind: 'STACKROX', url: values.url, apiToken: values.apiToken, cluster: values.cluster, insecureTls: values.insecureTls }
    case 'REGISTRY':
      return { kind: 'REGISTRY', url: values.url, username: values.username, password: values.password, insecureTls: values.insecureTls }
  }
}

/** The whole form as the contract's `createInstanceBody` input. */
export function toCreateInstanceInput(values: InstanceFormValues): z.input<typeof createInstanceBody> {
  return { ...toConnectionInput(values), instanceName: values.instanceName }
}

function isField(key: string): key is InstanceFormField {
  return key in instanceFieldLabels
}

/** A field's label for the chosen kind: the URL of a StackRox instance is Central's. */
export function fieldLabel(field: InstanceFormField, kind: InstanceKind): string {
  return field === 'url' && kind === 'STACKROX' ? 'Central URL' : instanceFieldLabels[field]
}

/** "is required" → "Name is required"; any other wording stays whole after the label. */
function sentence(label: string, message: string): string {
  return /^(is|must|may|has|cannot|does)\b/.test(message) ? `${label} ${message}` : `${label}: ${message}`
}

/**
 * Per-field messages from field→messages pairs (a zod flatten or the server's
 * `fieldErrors`); keys that are no form field go to `form`.
 *
 * @example
 * toFormErrors({ url: ['is required'], _: ['give a URL'] }) // { url: ['Registry URL is required'], form: ['give a URL'] }
 */
export function toFormErrors(fieldErrors: Record<string, string[] | undefined>, kind: InstanceKind = 'REGISTRY'): InstanceFormErrors {
  const errors: InstanceFormErrors = {}
  for (const [key, messages] of Object.entries(fieldErrors)) {
    if (!messages?.length) continue
    const field = key.split('.')[0] ?? ''
    if (isField(field)) (errors[field] ??= []).push(...messages.map((m) => sentence(fieldLabel(field, kind), m)))
    else (errors.form ??= []).push(...messages)
  }
  return errors
}

/** Client-side checks show the first problem per field; fixing it reveals the next. */
function issuesToErrors(error: z.ZodError, kind: InstanceKind): InstanceFormErrors {
  const flat = z.flattenError(error as z.ZodError<Record<string, unknown>>)
  const fieldErrors: Record<string, string[] | undefined> = flat.fieldErrors
  const first: Record<string, string[]> = {}
  for (const [key, messages] of Object.entries(fieldErrors)) {
    if (messages?.[0]) first[key] = [messages[0]]
  }
  if (flat.formErrors[0]) first._ = [flat.formErrors[0]]
  return toFormErrors(first, kind)
}

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: InstanceFormErrors }

/** Checks the form with the contract schema the server will apply. */
export function validateInstanceForm(values: InstanceFormValues): Validation<CreateInstanceBody> {
  const result = createInstanceBody.safeParse(toCreateInstanceInput(values))
  return result.success ? { ok: true, value: result.data } : { ok: false, errors: issuesToErrors(result.error, values.kind) }
}

/** Checks only the connection fields, for "Test connection" before a name is chosen. */
export function validateConnection(values: InstanceFormValues): Validation<InstanceConnection> {
  const result = instanceConnection.safeParse(toConnectionInput(values))
  return result.success ? { ok: true, value: result.data } : { ok: false, errors: issuesToErrors(result.error, values.kind) }
}
