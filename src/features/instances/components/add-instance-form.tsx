import { useEffect, useRef, useState, type FormEvent } from 'react'
import type { InstanceKind } from '@contract/instances'
import { isApiError } from '@/api/api-error'
import { Button } from '@/components/ui/button'
import { useCreateInstance } from '../api/create-instance'
import { useTestInstanceConnection } from '../api/test-instance-connection'
import {
  emptyInstanceForm,
  toConnectionInput,
  toFormErrors,
  validateConnection,
  validateInstanceForm,
  type InstanceFormErrors,
  type InstanceFormValues,
} from '../lib/instance-form'
import { ConnectionTestResult } from './connection-test-result'
import { InstanceFormFields } from './instance-form-fields'

export interface AddInstanceFormProps {
  onDone: () => void
  onCancel: () => void
}

/** Codes of a refused connection: the checklist is fetched to show which step failed. */
const CONNECTION_CODES = new Set(['REGISTRY_UNREACHABLE', 'REGISTRY_AUTH_FAILED', 'REGISTRY_ERROR'])

function serverErrors(error: unknown, kind: InstanceKind): InstanceFormErrors {
  if (!isApiError(error)) return error instanceof Error ? { form: [error.message] } : {}
  const fields = toFormErrors(error.fieldErrors, kind)
  const hasFieldMessages = Object.keys(fields).some((k) => k !== 'form')
  return hasFieldMessages ? fields : { ...fields, form: [...(fields.form ?? []), `${error.message} (${error.code})`] }
}

/** The add-instance form: checked with the contract schema before it is sent, server messages shown in place. */
export function AddInstanceForm({ onDone, onCancel }: AddInstanceFormProps) {
  const [values, setValues] = useState<InstanceFormValues>(emptyInstanceForm)
  const [clientErrors, setClientErrors] = useState<InstanceFormErrors>({})
  const [submitted, setSubmitted] = useState(false)
  const [focusRequest, setFocusRequest] = useState(0)
  const formRef = useRef<HTMLFormElement>(null)
  const create = useCreateInstance()
  const test = useTestInstanceConnection()

  // The first invalid field, or the form-level message when no field is to blame (document order).
  useEffect(() => {
    if (focusRequest > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-form-error]')?.focus()
  }, [focusRequest])

  const onChange = (patch: Partial<InstanceFormValues>) => {
    const next = { ...values, ...patch }
    setValues(next)
    create.reset()
    if (!('instanceName' in patch)) test.reset()
    if (submitted) {
      const result = validateInstanceForm(next)
      setClientErrors(result.ok ? {} : result.errors)
    }
  }

  const onTest = () => {
    const result = validateConnection(values)
    if (!result.ok) {
      setClientErrors(result.errors)
      setFocusRequest((n) => n + 1)
      return
    }
    test.mutate(toConnectionInput(values))
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    setSubmitted(true)
    const result = validateInstanceForm(values)
    if (!result.ok) {
      setClientErrors(result.errors)
      setFocusRequest((n) => n + 1)
      return
    }
    setClientErrors({})
    // A refusal from the server (name taken, registry unreachable, wrong password) is shown in place, focused like a client-side one;
    // a refused connection also gets the checklist, so the failed step is marked as after "Test connection".
    create.mutate(result.value, {
      onSuccess: onDone,
      onError: (error) => {
        setFocusRequest((n) => n + 1)
        if (isApiError(error) && CONNECTION_CODES.has(error.code)) test.mutate(toConnectionInput(values))
      },
    })
  }

  const errors = create.error ? serverErrors(create.error, values.kind) : clientErrors
  const busy = create.isPending
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label="Add instance" className="flex flex-col gap-4">
      <InstanceFormFields values={values} errors={errors} onChange={onChange} disabled={busy} />
      {errors.form?.length ? (
        <ul role="alert" tabIndex={-1} data-form-error className="rounded-md border border-danger/40 bg-danger-soft px-3 py-2 text-sm text-danger">
          {errors.form.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
      <ConnectionTestResult kind={values.kind} result={test.data} error={test.error} />
      <div className="-mx-5 -mb-4 flex flex-wrap items-center justify-between gap-2 border-t border-line px-5 py-3">
        <Button onClick={onTest} disabled={test.isPending || busy}>
          {test.isPending ? 'Testing…' : 'Test connection'}
        </Button>
        <div className="flex gap-2">
          <Button onClick={onCancel}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={busy}>
            {busy ? 'Adding…' : 'Add instance'}
          </Button>
        </div>
      </div>
    </form>
  )
}
