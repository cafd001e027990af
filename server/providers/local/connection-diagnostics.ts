import type { ConnectionCheck, ConnectionCheckStep, TestInstanceConnectionResult } from '@contract/instances'
import { AcquireError } from '../../engine/acquire/errors'
import { normalizeRegistryUrl } from '../../engine/acquire/registry-client'
import { openRegistrySource } from '../../engine/acquire/registry-source'
import { connectTcp, type ProbeTarget, resolveHost } from './connection-diagnostics-network'
import { checkTls } from './connection-diagnostics-tls'
import { checkCredentials } from './connection-diagnostics-auth'
import { listCatalog, probeRegistryApi } from './connection-diagnostics-registry'
import { DiagnosisFailure, type StepResult } from './connection-diagnostics-result'

/** The registry part of a stored connection. */
export interface RegistryTarget {
  endpoint: string
  username: string | null
  password: string | null
  insecureTls: boolean
}

export interface DiagnoseOptions {
  /** Time each network step may take (default 10 s): a test should answer while the user waits. */
  timeoutMs?: number
  /** Ends the test early (the request was cancelled): the abort is thrown, not reported as a failed step. */
  signal?: AbortSignal | undefined
}

const STEPS: readonly ConnectionCheckStep[] = ['resolve', 'connect', 'tls', 'api', 'credentials', 'catalog']
const DEFAULT_TIMEOUT_MS = 10_000

/**
 * Tests a registry connection one step at a time — resolve the host, connect, TLS, the
 * registry API, credentials, the catalog — and stops at the first step that fails,
 * naming what failed and what to change. Each step asks once, without retries, so a
 * failure is reported in seconds rather than after the scanner's backoff.
 *
 * @example
 * const result = await diagnoseRegistry({ endpoint: 'https://r.example.com', username: 'ci', password, insecureTls: false })
 * if (!result.ok) console.log(result.stage, result.message, result.hint)
 */
export async function diagnoseRegistry(
  conn: RegistryTarget,
  opts: DiagnoseOptions = {},
): Promise<TestInstanceConnectionResult> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const checks: ConnectionCheck[] = STEPS.map((step) => ({ step, status: 'NOT_RUN', detail: null }))
  let current: ConnectionCheckStep = 'resolve'
  const run = async <T>(step: ConnectionCheckStep, probe: () => Promise<StepResult<T>>): Promise<T> => {
    current = step
    opts.signal?.throwIfAborted()
    const result = await probe()
    record(checks, step, result.status, result.detail)
    return result.value
  }

  try {
    const { base } = normalizeRegistryUrl(conn.endpoint)
    const https = base.protocol === 'https:'
    const target: ProbeTarget = {
      host: base.hostname.replace(/^\[|\]$/g, ''),
      port: Number(base.port) || (https ? 443 : 80),
      hostPort: base.host,
      timeoutMs,
    }
    const addresses = await run('resolve', () => resolveHost(target))
    const address = await run('connect', () => connectTcp(target, addresses))
    if (https) await run('tls', () => checkTls(target, address, conn.insecureTls))
    else record(checks, 'tls', 'SKIPPED', 'Plain http: no TLS.')
    const probe = await run('api', () =>
      probeRegistryApi(base, target.hostPort, conn.insecureTls, timeoutMs, opts.signal),
    )

    const source = await openRegistrySource({
      url: conn.endpoint,
      username: conn.username ?? undefined,
      password: conn.password ?? undefined,
      insecureTls: conn.insecureTls,
      retry: { retries: 0 },
      timeoutMs,
    })
    try {
      await run('credentials', () => checkCredentials(source, target.hostPort, probe, Boolean(conn.username)))
      const repositoryCount = await run('catalog', () => listCatalog(source, target.hostPort))
      return {
        ok: true,
        message: `Registry answered; ${repositoryCount} ${repositoryCount === 1 ? 'repository' : 'repositories'} found.`,
        repositoryCount,
        checks,
      }
    } finally {
      await source.close().catch(() => undefined)
    }
  } catch (err) {
    const failure = asFailure(err)
    record(checks, current, 'FAILED', failure.message)
    return {
      ok: false,
      code: failure.code,
      stage: failure.stage,
      message: failure.message,
      hint: failure.hint,
      field: failure.field,
      checks,
    }
  }
}

function record(
  checks: ConnectionCheck[],
  step: ConnectionCheckStep,
  status: ConnectionCheck['status'],
  detail: string | null,
) {
  const check = checks.find((c) => c.step === step)
  if (check) Object.assign(check, { status, detail })
}

/** Engine errors that escape a step (an invalid URL, a timeout) become failures of that step. */
function asFailure(err: unknown): DiagnosisFailure {
  if (err instanceof DiagnosisFailure) return err
  if (err instanceof AcquireError) {
    if (err.code === 'TLS') return new DiagnosisFailure('tls', err.message, { hint: null })
    if (err.code === 'UNREACHABLE') return new DiagnosisFailure('connect', err.message, { hint: null })
    if (err.code === 'RATE_LIMITED') return new DiagnosisFailure('throttled', err.message, { hint: null })
    return new DiagnosisFailure('registry', err.message, { hint: null })
  }
  throw err
}
