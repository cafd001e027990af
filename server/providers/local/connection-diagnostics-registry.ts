import { AcquireError } from '../../engine/acquire/errors'
import { retryAfterMs } from '../../engine/acquire/http-transport'
import { insecureFetch } from '../../engine/acquire/insecure-fetch'
import { DEFAULT_USER_AGENT } from '../../engine/acquire/registry-client'
import type { RegistrySource } from '../../engine/acquire/registry-source'
import { type Challenge, parseChallenges } from '../../engine/acquire/www-authenticate'
import { describeChallenge } from './connection-diagnostics-auth'
import { DiagnosisFailure, type StepResult, THROTTLED_HINT } from './connection-diagnostics-result'

/** What the anonymous `GET /v2/` showed: the status, and the challenge of a 401. */
export interface ApiProbe {
  status: number
  challenge: Challenge | undefined
}

/**
 * Asks `GET /v2/` once, without credentials and without retries: a registry answers 200
 * or 401 (the API version check of the distribution spec); anything else is not one, or
 * refuses this server before any credentials are looked at.
 */
export async function probeRegistryApi(
  base: URL,
  host: string,
  insecureTls: boolean,
  timeoutMs: number,
  cancel?: AbortSignal,
): Promise<StepResult<ApiProbe>> {
  const url = new URL(`${base.pathname.replace(/\/+$/, '')}/v2/`, base.origin)
  const fetcher = insecureTls ? insecureFetch : fetch
  const res = await fetcher(url.toString(), {
    method: 'GET',
    redirect: 'manual',
    headers: { 'user-agent': DEFAULT_USER_AGENT },
    signal: cancel
      ? AbortSignal.any([cancel, AbortSignal.timeout(timeoutMs)])
      : AbortSignal.timeout(timeoutMs),
  }).catch((err: unknown) => {
    if (cancel?.aborted) throw err
    throw new DiagnosisFailure(
      'connect',
      `cannot reach ${host}: no answer to GET /v2/ (${err instanceof Error ? err.message : 'network error'}).`,
      { hint: null },
    )
  })
  await res.body?.cancel()
  const apiVersion = res.headers.get('docker-distribution-api-version')
  const challenge = primaryChallenge(res.headers.get('www-authenticate'))
  if (res.status === 401) {
    return {
      status: 'PASSED',
      detail: `Registry API found; it asks for credentials${challenge ? ` (${describeChallenge(challenge)})` : ''}.`,
      value: { status: 401, challenge },
    }
  }
  const html = (res.headers.get('content-type') ?? '').includes('text/html')
  if (res.ok && (apiVersion || !html)) {
    return {
      status: 'PASSED',
      detail: `Registry API found${apiVersion ? ` (${apiVersion})` : ''}; anonymous access allowed.`,
      value: { status: res.status, challenge: undefined },
    }
  }
  if (res.status === 403) {
    throw new DiagnosisFailure(
      'permission',
      `${host} refused GET /v2/ before any credentials were checked (HTTP 403).`,
      {
        hint: 'The registry, or a proxy in front of it, denies the Layerscope server: check IP allow-lists and network policies.',
        field: 'url',
      },
    )
  }
  if (res.status === 429) throw throttled(host, res)
  if (res.status >= 300 && res.status < 400) {
    const location = res.headers.get('location')
    throw new DiagnosisFailure(
      'registry',
      `${host} redirects GET /v2/${location ? ` to ${safeLocation(location, url)}` : ''} (HTTP ${res.status}): not the registry API.`,
      {
        hint: 'Use the address that `docker login` takes, not the address of a web interface.',
      },
    )
  }
  if (res.status >= 500) {
    throw new DiagnosisFailure(
      'registry',
      `${host} answered GET /v2/ with HTTP ${res.status}: the registry is failing.`,
      {
        hint: 'Test again later, and look at the registry’s own logs.',
      },
    )
  }
  throw new DiagnosisFailure(
    'registry',
    `${host} is not an OCI registry: GET /v2/ answered HTTP ${res.status}${html ? ' with a web page' : ''}.`,
    {
      hint: 'Use the registry’s base URL (what `docker login` takes), without a path to a web interface.',
    },
  )
}

/** Lists the catalog, which the index is built from: refusing it means an instance cannot be indexed. */
export async function listCatalog(source: RegistrySource, host: string): Promise<StepResult<number>> {
  try {
    const count = (await source.listRepositories()).length
    return {
      status: 'PASSED',
      detail: `${count} ${count === 1 ? 'repository' : 'repositories'} in the catalog.`,
      value: count,
    }
  } catch (err) {
    if (!(err instanceof AcquireError)) throw err
    switch (err.code) {
      case 'UNAUTHORIZED':
      case 'FORBIDDEN':
        throw new DiagnosisFailure(
          'permission',
          `${host}: these credentials may not list the catalog (${/HTTP [^)]*/.exec(err.message)?.[0] ?? 'refused'}).`,
          {
            hint: 'Layerscope finds repositories through the catalog (GET /v2/_catalog): grant this account catalog access (the registry:catalog:* scope for token auth).',
          },
        )
      case 'NOT_FOUND':
        throw new DiagnosisFailure(
          'registry',
          `${host} has no catalog API (GET /v2/_catalog answered HTTP 404).`,
          {
            hint: 'Layerscope needs the catalog to find repositories; this registry does not offer it.',
          },
        )
      case 'RATE_LIMITED':
        throw new DiagnosisFailure(
          'throttled',
          `${host}: rate limited while listing the catalog (HTTP 429).`,
          { hint: THROTTLED_HINT },
        )
      default:
        throw new DiagnosisFailure('registry', err.message, {
          hint: null,
          code: err.code === 'UNREACHABLE' ? 'REGISTRY_UNREACHABLE' : 'REGISTRY_ERROR',
        })
    }
  }
}

function throttled(host: string, res: Response): DiagnosisFailure {
  const wait = retryAfterMs(res.headers.get('retry-after'))
  return new DiagnosisFailure(
    'throttled',
    `${host} is rate limiting requests (HTTP 429${wait === null ? '' : `, retry after ${Math.ceil(wait / 1000)} s`}).`,
    { hint: THROTTLED_HINT },
  )
}

/** The challenge pulls will answer: Bearer if offered, else the first one. */
function primaryChallenge(header: string | null): Challenge | undefined {
  const all = parseChallenges(header)
  return all.find((c) => c.scheme === 'bearer') ?? all[0]
}

/** A redirect target for a message: origin and path only, so no token in a query string is echoed. */
function safeLocation(location: string, from: URL): string {
  try {
    const url = new URL(location, from)
    return `${url.origin}${url.pathname}`
  } catch {
    return 'an invalid address'
  }
}
