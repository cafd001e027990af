import { useQuery } from '@tanstack/react-query'
import { useEffect, useRef, useState, type FormEvent } from 'react'
import type { VulnerabilityItem } from '@contract/scans'
import { isApiError } from '@/api/api-error'
import { sessionOptions } from '@/api/session'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { describeError } from '@/components/ui/error-state'
import { useNow } from '@/hooks/use-now'
import { decisionNote } from './exception-decision-note'
import { emptyDraft, ExceptionFormFields, type ExceptionDraft } from './exception-form-fields'
import { useRequestException } from './exception-queries'
import { toRequestBody } from './exception-request-body'

export interface RequestExceptionDialogProps {
  open: boolean
  onClose: () => void
  scanTaskId: string
  /** The findings asked about (one from the expanded row, or the selection). */
  findings: readonly VulnerabilityItem[]
  onRequested?: () => void
}

const FORM_ID = 'request-exception-form'
const DAY_MS = 24 * 60 * 60 * 1000

/** Ask for a deferral or a false positive for some findings; the server's field errors show next to their fields. */
export function RequestExceptionDialog({
  open,
  onClose,
  scanTaskId,
  findings,
  onRequested,
}: RequestExceptionDialogProps) {
  const [draft, setDraft] = useState<ExceptionDraft>(emptyDraft)
  const request = useRequestException()
  const now = useNow()
  const session = useQuery(sessionOptions())
  const formRef = useRef<HTMLFormElement>(null)
  const close = () => {
    request.reset()
    setDraft(emptyDraft)
    onClose()
  }
  const fieldErrors = isApiError(request.error) ? request.error.fieldErrors : {}
  const findingErrors = Object.entries(fieldErrors).flatMap(([key, messages]) =>
    key === 'findings' || key.startsWith('findings.') ? messages : [],
  )
  const hasFieldErrors = Object.keys(fieldErrors).length > 0
  const failure = request.error ? describeError(request.error) : null

  // After a refusal, focus goes to the first field the server named, so a keyboard or screen-reader user lands on what to fix.
  useEffect(() => {
    if (request.error)
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid]')?.focus()
  }, [request.error])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    request.mutate(toRequestBody(scanTaskId, findings, draft), {
      onSuccess: () => {
        close()
        onRequested?.()
      },
    })
  }
  const [first] = findings
  const subject =
    findings.length === 1 && first
      ? `${first.cveName} in ${first.feature} ${first.version}`
      : `${findings.length} findings`

  return (
    <Dialog
      open={open}
      onClose={close}
      title="Request exception"
      description={`For ${subject}. ${decisionNote(session.data?.authMode)}`}
      footer={
        <>
          <Button onClick={close}>Cancel</Button>
          <Button variant="primary" type="submit" form={FORM_ID} disabled={request.isPending}>
            {request.isPending ? 'Requesting…' : 'Request exception'}
          </Button>
        </>
      }
    >
      <form id={FORM_ID} ref={formRef} onSubmit={submit} className="flex flex-col gap-3" noValidate>
        {findings.length > 1 ? (
          <ul aria-label="Findings" className="text-fg-muted max-h-24 overflow-y-auto text-xs">
            {findings.map((f) => (
              <li key={`${f.cveName}|${f.componentId}`}>
                {f.cveName} in {f.feature} {f.version}
              </li>
            ))}
          </ul>
        ) : null}
        <ExceptionFormFields
          draft={draft}
          onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
          errors={fieldErrors}
          minDate={new Date(now + DAY_MS).toISOString().slice(0, 10)}
        />
        {failure ? (
          <div
            role="alert"
            className="border-danger/40 bg-danger-soft text-danger rounded-md border px-3 py-2 text-sm"
          >
            <p>
              {hasFieldErrors && findingErrors.length === 0
                ? 'Not requested: correct the fields marked below.'
                : failure.message}{' '}
              <span className="text-xs">({failure.code})</span>
            </p>
            {findingErrors.length ? (
              <ul className="mt-1 list-disc pl-4 text-xs">
                {findingErrors.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </form>
    </Dialog>
  )
}
