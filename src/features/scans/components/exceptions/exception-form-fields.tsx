import { useId, type ReactNode } from 'react'
import {
  deferralExpiry,
  vexJustification,
  vulnExceptionScope,
  type DeferralExpiry,
  type VexJustification,
  type VulnExceptionKind,
  type VulnExceptionScope,
} from '@contract/exceptions'
import { Field, controlClasses } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { Select } from '@/components/ui/select'
import { cn } from '@/lib/cn'
import { expiryLabel, justificationLabel, scopeLabel } from './exception-labels'

/** What the request dialog asks for, as its form holds it (the date as the date input's text). */
export interface ExceptionDraft {
  kind: VulnExceptionKind
  expiry: DeferralExpiry
  date: string
  reason: string
  justification: VexJustification
  scope: VulnExceptionScope
}

export const emptyDraft: ExceptionDraft = {
  kind: 'DEFERRAL',
  expiry: 'THIRTY_DAYS',
  date: '',
  reason: '',
  justification: 'vulnerable_code_not_in_execute_path',
  scope: 'DIGEST',
}

export interface ExceptionFormFieldsProps {
  draft: ExceptionDraft
  onChange: (patch: Partial<ExceptionDraft>) => void
  /** The server's field errors, keyed by the request body's field. */
  errors: Record<string, string[]>
  /** The earliest end date the date input offers (tomorrow), as YYYY-MM-DD. */
  minDate: string
}

const kindOptions = [
  {
    value: 'DEFERRAL',
    label: 'Deferral',
    hint: 'Accept the risk for a while; the finding comes back when it ends.',
  },
  {
    value: 'FALSE_POSITIVE',
    label: 'False positive',
    hint: 'The image is not affected; it does not expire.',
  },
] as const

/** The request's fields: kind and expiry, reason, VEX justification and scope, each with the server's errors. */
export function ExceptionFormFields({ draft, onChange, errors, minDate }: ExceptionFormFieldsProps) {
  return (
    <>
      <RadioGroup
        legend="Kind"
        name="kind"
        focusFirst
        errors={errors.kind}
        value={draft.kind}
        options={kindOptions}
        onChange={(kind) => onChange({ kind: kind as VulnExceptionKind })}
      />
      {draft.kind === 'DEFERRAL' ? (
        <Select
          label="Expires"
          value={draft.expiry}
          onChange={(e) => onChange({ expiry: deferralExpiry.parse(e.target.value) })}
          options={deferralExpiry.options.map((value) => ({ value, label: expiryLabel[value] }))}
          errors={errors.expiry}
          hint="Periods count from the approval."
        />
      ) : null}
      {draft.kind === 'DEFERRAL' && draft.expiry === 'DATE' ? (
        <Input
          label="End date"
          type="date"
          min={minDate}
          value={draft.date}
          onChange={(e) => onChange({ date: e.target.value })}
          errors={errors.expiresAt}
          required
        />
      ) : null}
      <Field label="Reason" errors={errors.reason} hint="Required; kept in the exception's history.">
        {({ controlId, describedBy, invalid }) => (
          <textarea
            id={controlId}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            required
            maxLength={2000}
            rows={3}
            value={draft.reason}
            onChange={(e) => onChange({ reason: e.target.value })}
            className={cn(controlClasses, 'h-auto py-1.5')}
          />
        )}
      </Field>
      <Select
        label="VEX justification"
        value={draft.justification}
        onChange={(e) => onChange({ justification: vexJustification.parse(e.target.value) })}
        options={vexJustification.options.map((value) => ({ value, label: justificationLabel[value] }))}
        errors={errors.justification}
      />
      <RadioGroup
        legend="Scope"
        name="scope"
        errors={errors.scope}
        value={draft.scope}
        options={vulnExceptionScope.options.map((value) => ({ value, label: scopeLabel[value] }))}
        onChange={(scope) => onChange({ scope: scope as VulnExceptionScope })}
      />
    </>
  )
}

interface RadioGroupProps {
  legend: ReactNode
  name: string
  value: string
  options: readonly { value: string; label: string; hint?: string }[]
  errors: string[] | undefined
  onChange: (value: string) => void
  /** The dialog focuses this group's checked radio when it opens. */
  focusFirst?: boolean
}

/** Native radios in a fieldset: arrow keys move between them, the legend names the group. */
function RadioGroup({ legend, name, value, options, errors, onChange, focusFirst }: RadioGroupProps) {
  const errorId = useId()
  return (
    <fieldset className="flex flex-col gap-1" aria-describedby={errors?.length ? errorId : undefined}>
      <legend className="text-fg mb-1 text-xs font-medium">{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="flex items-start gap-2 text-sm">
          <input
            type="radio"
            name={name}
            value={o.value}
            checked={value === o.value}
            onChange={() => onChange(o.value)}
            className="mt-1"
            data-invalid={errors?.length ? true : undefined}
            data-autofocus={focusFirst && value === o.value ? true : undefined}
          />
          <span>
            {o.label}
            {o.hint ? <span className="text-fg-muted block text-xs">{o.hint}</span> : null}
          </span>
        </label>
      ))}
      {errors?.length ? (
        <ul id={errorId} className="text-danger text-xs">
          {errors.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  )
}
