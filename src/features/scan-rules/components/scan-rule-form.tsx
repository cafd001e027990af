import { useEffect, useRef, useState, type FormEvent } from 'react'
import { isApiError } from '@/api/api-error'
import { Button } from '@/components/ui/button'
import type { ScanRuleFormErrors, ScanRuleFormValues, Validation } from '../lib/rule-form'
import { toFormErrors, toPreviewInput } from '../lib/rule-form'
import { RulePreviewPanel } from './rule-preview-panel'
import { ScanRuleFormFields } from './scan-rule-form-fields'
import { useLivePreview } from './use-live-preview'

export interface ScanRuleFormProps<T> {
  instanceId: string
  initialValues: ScanRuleFormValues
  editing: boolean
  submitLabel: string
  /** The form checked with the contract schema the server applies. */
  validate: (values: ScanRuleFormValues) => Validation<T>
  /** Sends the checked input; a rejection's field errors are shown in place. */
  onSubmit: (value: T) => Promise<unknown>
  onCancel: () => void
}

// Fields drawn as radio groups or a checkbox have no message slot of their own.
const UNSLOTTED = ['scanScope', 'triggerType', 'scanType', 'rescanOnAdvisoryUpdate'] as const

function serverErrors(error: unknown, values: ScanRuleFormValues): ScanRuleFormErrors {
  if (!isApiError(error)) return error instanceof Error ? { form: [error.message] } : {}
  const fields = toFormErrors(error.fieldErrors, values.scanScope)
  const hasFieldMessages = Object.keys(fields).some((k) => k !== 'form')
  return hasFieldMessages ? fields : { ...fields, form: [...(fields.form ?? []), `${error.message} (${error.code})`] }
}

/**
 * The create and edit form of a rule, beside a live preview of what it matches. Checked
 * with the contract before it is sent; the server's refusals (a taken name, a pattern
 * RE2 rejects) land at their fields, and focus moves to the first one.
 */
export function ScanRuleForm<T>({ instanceId, initialValues, editing, submitLabel, validate, onSubmit, onCancel }: ScanRuleFormProps<T>) {
  const [values, setValues] = useState(initialValues)
  const [clientErrors, setClientErrors] = useState<ScanRuleFormErrors>({})
  const [submitError, setSubmitError] = useState<unknown>(null)
  const [submitted, setSubmitted] = useState(false)
  const [busy, setBusy] = useState(false)
  const [focusRequest, setFocusRequest] = useState(0)
  const formRef = useRef<HTMLFormElement>(null)
  // Null until the scope is complete: the preview then says what is missing instead of asking.
  const preview = useLivePreview(toPreviewInput(instanceId, values))
  const patternFromPreview = toFormErrors({ repoTagFilterPattern: preview.patternErrors }, values.scanScope).repoTagFilterPattern

  // The first invalid field, or the form-level message when no field is to blame (document order).
  useEffect(() => {
    if (focusRequest > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-form-error]')?.focus()
  }, [focusRequest])

  const onChange = (patch: Partial<ScanRuleFormValues>) => {
    const next = { ...values, ...patch }
    setValues(next)
    setSubmitError(null)
    if (submitted) {
      const result = validate(next)
      setClientErrors(result.ok ? {} : result.errors)
    }
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setSubmitted(true)
    const result = validate(values)
    if (!result.ok) {
      setClientErrors(result.errors)
      setFocusRequest((n) => n + 1)
      return
    }
    setClientErrors({})
    setBusy(true)
    onSubmit(result.value)
      .catch((error: unknown) => {
        setSubmitError(error)
        setFocusRequest((n) => n + 1)
      })
      .finally(() => setBusy(false))
  }

  const errors = submitError ? serverErrors(submitError, values) : clientErrors
  const shown: ScanRuleFormErrors = { ...errors, repoTagFilterPattern: errors.repoTagFilterPattern ?? patternFromPreview }
  const formMessages = [...(errors.form ?? []), ...UNSLOTTED.flatMap((k) => errors[k] ?? [])]
  const known = preview.lastData
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,24rem)]">
      <form ref={formRef} onSubmit={submit} noValidate aria-label={editing ? 'Edit scan rule' : 'New scan rule'} className="flex flex-col gap-4">
        <ScanRuleFormFields
          instanceId={instanceId}
          values={values}
          errors={shown}
          onChange={onChange}
          editing={editing}
          unknownNamespaces={known?.unknownNamespaces ?? []}
          unknownRepos={known?.unknownRepos ?? []}
          disabled={busy}
        />
        {formMessages.length ? (
          <ul role="alert" tabIndex={-1} data-form-error className="rounded-md border border-danger/40 bg-danger-soft px-3 py-2 text-sm text-danger">
            {formMessages.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        ) : null}
        <div className="flex gap-2 border-t border-line pt-4">
          <Button type="submit" variant="primary" disabled={busy}>
            {busy ? 'Saving…' : submitLabel}
          </Button>
          <Button onClick={onCancel}>Cancel</Button>
        </div>
      </form>
      <RulePreviewPanel preview={preview} className="self-start lg:sticky lg:top-16" />
    </div>
  )
}
