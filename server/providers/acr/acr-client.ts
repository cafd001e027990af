import RPCClient from '@alicloud/pop-core'
import type { z } from 'zod'
import { ApiError } from '../../errors'
import { parseRetryAfter } from '../upstream-error'
import { isRetryable, toAcrApiError, type AcrFailure } from './acr-errors'

export const ACR_API_VERSION = '2018-12-01'

/** The region's public endpoint, as the SDKs' `regional` endpoint rule builds it. */
export function acrEndpoint(regionId: string): string {
  return `https://cr.${regionId}.aliyuncs.com`
}

export interface AcrClientOptions {
  endpoint: string
  accessKey: { id: string; secret: string }
  /** One request's connect + read timeout. */
  requestTimeoutMs?: number
  /** Retries stop when the next pause would end past this much time since the first try. */
  retryBudgetMs?: number
  /** The first pause; it doubles each retry, ±20 %. */
  retryBaseMs?: number
}

export const DEFAULT_ACR_CLIENT_TIMING = { requestTimeoutMs: 10_000, retryBudgetMs: 30_000, retryBaseMs: 500 }

/** pop-core's verbose answer: the JSON body and, in `entry`, the HTTP status. */
type VerboseAnswer = [unknown, { response: { statusCode: number; headers?: Record<string, string | string[] | undefined> } | null }]

/** What pop-core throws: an Error with the OpenAPI body, or Node's and httpx's network errors. */
interface PopCoreError {
  name?: string
  code?: unknown
  data?: { Code?: unknown; Message?: unknown; RequestId?: unknown }
  entry?: { response?: { statusCode?: number; headers?: Record<string, string | string[] | undefined> } | null }
}

/**
 * Calls ACR's OpenAPI (RPC style, 2018-12-01) through pop-core's RPCClient, which signs
 * each request (HMAC-SHA1, RPC signature 1.0) and posts its parameters as a form. Answers
 * are parsed with the action's zod schema; throttling, 5xx, timeouts and dropped
 * connections are retried with exponential backoff inside a bounded total time, and
 * everything else fails at once as our ApiError naming the upstream code.
 */
export class AcrClient {
  private readonly rpc: RPCClient
  private readonly timing: typeof DEFAULT_ACR_CLIENT_TIMING

  constructor(private readonly opts: AcrClientOptions) {
    // `verbose` (the second argument, missing from pop-core's typings) makes it answer the
    // HTTP status too: a 5xx whose JSON lacks `Code` would otherwise pass as a success.
    const Client = RPCClient as unknown as new (config: RPCClient.Config, verbose: boolean) => RPCClient
    this.rpc = new Client({ endpoint: opts.endpoint, apiVersion: ACR_API_VERSION, accessKeyId: opts.accessKey.id, accessKeySecret: opts.accessKey.secret }, true)
    this.timing = {
      requestTimeoutMs: opts.requestTimeoutMs ?? DEFAULT_ACR_CLIENT_TIMING.requestTimeoutMs,
      retryBudgetMs: opts.retryBudgetMs ?? DEFAULT_ACR_CLIENT_TIMING.retryBudgetMs,
      retryBaseMs: opts.retryBaseMs ?? DEFAULT_ACR_CLIENT_TIMING.retryBaseMs,
    }
  }

  /**
   * One action. `what` names it in words for error messages ("listing repositories").
   *
   * @example
   * const tags = await client.call('ListRepoTag', { InstanceId, RepoId, PageNo: 1, PageSize: 100 }, listRepoTagAnswer, { what: 'listing tags' })
   */
  async call<S extends z.ZodType>(action: string, params: Record<string, string | number | boolean | undefined>, schema: S, opts: { what: string; method?: 'GET' | 'POST'; signal?: AbortSignal | undefined }): Promise<z.infer<S>> {
    const started = Date.now()
    const defined = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]))
    for (let attempt = 1; ; attempt++) {
      opts.signal?.throwIfAborted()
      const failure = await this.once(action, defined, opts.method ?? 'POST').then(
        (json) => ({ json }),
        (err: unknown) => ({ failure: toFailure(err) }),
      )
      if ('json' in failure) {
        const parsed = schema.safeParse(failure.json)
        if (!parsed.success) {
          const issue = parsed.error.issues[0]
          throw new ApiError('REGISTRY_ERROR', `ACR answered ${action} in an unexpected shape (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}).`)
        }
        return parsed.data
      }
      // A Retry-After is a floor: retrying sooner would only be refused again.
      const pause = Math.max(failure.failure.retryAfterMs ?? 0, this.pause(attempt))
      if (!isRetryable(failure.failure) || Date.now() - started + pause > this.timing.retryBudgetMs) {
        throw toAcrApiError(failure.failure, { what: opts.what, endpoint: this.opts.endpoint, attempts: attempt })
      }
      await sleep(pause, opts.signal)
    }
  }

  private async once(action: string, params: Record<string, string>, method: 'GET' | 'POST'): Promise<unknown> {
    // formatParams: false — our names are already the wire's PascalCase.
    const [json, entry] = await this.rpc.request<VerboseAnswer>(action, params, { method, timeout: this.timing.requestTimeoutMs, formatParams: false })
    const status = entry.response?.statusCode ?? 200
    if (status >= 400) {
      const body = (json ?? {}) as PopCoreError['data']
      throw Object.assign(new Error('ACR error'), { code: typeof body?.Code === 'string' ? body.Code : `HTTP_${status}`, data: body, entry })
    }
    // ACR also reports business failures in-band: HTTP 200, IsSuccess false, Code set.
    if (typeof json === 'object' && json !== null && (json as { IsSuccess?: unknown }).IsSuccess === false) {
      throw Object.assign(new Error('ACR error'), { code: codeText((json as { Code?: unknown }).Code), data: json, entry })
    }
    return json
  }

  private pause(attempt: number): number {
    return Math.round(this.timing.retryBaseMs * 2 ** (attempt - 1) * (0.8 + 0.4 * Math.random()))
  }
}

/** The in-band Code as text: ACR types it a string or a number depending on the action. */
function codeText(code: unknown): string {
  return typeof code === 'string' || typeof code === 'number' ? String(code) : 'UNKNOWN'
}

function toFailure(err: unknown): AcrFailure {
  const e = (err ?? {}) as PopCoreError
  const status = e.entry?.response?.statusCode ?? null
  const data = e.data
  // json-bigint throws a plain { name: 'SyntaxError' } object for an HTML gateway page.
  if (e.name === 'SyntaxError') return { code: 'NOT_JSON', message: 'the answer was not JSON', status, requestId: null }
  if (typeof e.name === 'string' && e.name.includes('Timeout')) return { code: 'TIMEOUT', message: '', status, requestId: null }
  const code = typeof data?.Code === 'string' ? data.Code : typeof e.code === 'string' ? e.code : 'UNKNOWN'
  return {
    code,
    message: typeof data?.Message === 'string' ? data.Message : '',
    status,
    requestId: typeof data?.RequestId === 'string' ? data.RequestId : null,
    retryAfterMs: parseRetryAfter(e.entry?.response?.headers?.['retry-after']),
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms)
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer)
        reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'))
      },
      { once: true },
    )
  })
}
