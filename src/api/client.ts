import type { z } from 'zod'
import { CSRF_HEADER } from '@contract/auth'
import { operations, type OperationName, type Operations } from '@contract/operations'
import { ApiError, networkError, parseErrorResponse } from './api-error'
import { toQueryString } from './query-string'

/** Where the API lives, relative to the page so the SPA works behind any prefix-free origin. */
export const API_BASE = '/api/v1'

export type OperationInputOf<N extends OperationName> = z.input<Operations[N]['input']>
export type OperationOutputOf<N extends OperationName> = z.output<Operations[N]['output']>

export interface CallOptions {
  signal?: AbortSignal | undefined
}

// Writes made with the session cookie carry the session's CSRF token. It arrives in the
// answers to getSession and createSession and lives in memory only, never in storage.
let csrfToken: string | null = null
const signedOutListeners = new Set<() => void>()

/**
 * Calls `listener` whenever the server answers UNAUTHENTICATED (a session that expired or
 * whose token was revoked), so the app can show sign-in in place. Returns the unsubscribe.
 *
 * @example
 * useEffect(() => onSignedOut(() => void queryClient.invalidateQueries({ queryKey: authKeys.session() })), [queryClient])
 */
export function onSignedOut(listener: () => void): () => void {
  signedOutListeners.add(listener)
  return () => signedOutListeners.delete(listener)
}

function rememberSession(name: OperationName, output: unknown) {
  if (name === 'deleteSession') csrfToken = null
  if (name === 'getSession' || name === 'createSession') csrfToken = (output as { csrfToken: string | null }).csrfToken
}

/** The URL of an operation: reads carry their input in the query string. */
export function operationUrl<N extends OperationName>(name: N, input: OperationInputOf<N>): string {
  const op = operations[name]
  return op.method === 'GET' ? `${API_BASE}/${name}${toQueryString(input)}` : `${API_BASE}/${name}`
}

/**
 * Calls one contract operation by name. GET sends the input as a query string, POST as a
 * JSON body; the answer is parsed with the operation's output schema, so a server that
 * drifts from the contract fails loudly here instead of deep inside a component.
 * Throws {@link ApiError} on a non-2xx answer, a network failure or a drifted answer;
 * an aborted request rethrows the abort so React Query can ignore it.
 *
 * @example
 * const page = await callOperation('listRepository', { instanceId, pageNo: 2 }, { signal })
 * page.items[0]?.repoName
 */
export async function callOperation<N extends OperationName>(
  name: N,
  input: OperationInputOf<N>,
  options: CallOptions = {},
): Promise<OperationOutputOf<N>> {
  try {
    const output = await callOnce(name, input, options)
    rememberSession(name, output)
    return output
  } catch (error) {
    if (!(error instanceof ApiError)) throw error
    if (error.code === 'UNAUTHENTICATED') for (const listener of signedOutListeners) listener()
    // The CSRF token went stale (a new session in another tab, a server restart): fetch the current one and try once more.
    if (error.code === 'CSRF_TOKEN_INVALID' && operations[name].method === 'POST') {
      const session = await callOnce('getSession', {}, options)
      rememberSession('getSession', session)
      if (session.csrfToken) {
        const output = await callOnce(name, input, options)
        rememberSession(name, output)
        return output
      }
    }
    throw error
  }
}

async function callOnce<N extends OperationName>(name: N, input: OperationInputOf<N>, options: CallOptions): Promise<OperationOutputOf<N>> {
  const op = operations[name]
  const init: RequestInit = {
    method: op.method,
    headers:
      op.method === 'POST'
        ? { Accept: 'application/json', 'Content-Type': 'application/json', ...(csrfToken ? { [CSRF_HEADER]: csrfToken } : {}) }
        : { Accept: 'application/json' },
    ...(op.method === 'POST' ? { body: JSON.stringify(input) } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  }

  let response: Response
  let text: string
  try {
    response = await fetch(operationUrl(name, input), init)
    text = await response.text()
  } catch (error) {
    if (options.signal?.aborted) throw error
    throw networkError(error)
  }

  const requestId = response.headers.get('x-request-id')
  if (!response.ok) throw parseErrorResponse(response.status, text, requestId)

  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw driftError(name, response.status, requestId, 'the answer is not JSON')
  }
  const parsed = (op.output as z.ZodType).safeParse(json)
  if (!parsed.success) throw driftError(name, response.status, requestId, summarizeIssues(parsed.error))
  return parsed.data as OperationOutputOf<N>
}

/** The first few problems, "items.0.tagCount: expected number", so the message stays readable. */
function summarizeIssues(error: z.ZodError, limit = 3): string {
  const shown = error.issues.slice(0, limit).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
  const more = error.issues.length - shown.length
  return shown.join('; ') + (more > 0 ? ` (and ${more} more)` : '')
}

function driftError(name: string, status: number, requestId: string | null, detail: string): ApiError {
  return new ApiError({
    status,
    code: 'RESPONSE_INVALID',
    message: `The server's answer to ${name} does not match the API contract: ${detail}`,
    requestId,
  })
}
