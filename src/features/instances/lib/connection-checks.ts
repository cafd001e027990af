import type {
  ConnectionCheck,
  ConnectionCheckStep,
  ConnectionFailureStage,
  InstanceKind,
  TestInstanceConnectionResult,
} from '@contract/instances'
import { connectionCheckStep } from '@contract/instances'

/** The step each kind of failure happens at, for answers that name only the stage. */
const stepOfStage: Record<ConnectionFailureStage, ConnectionCheckStep> = {
  dns: 'resolve',
  connect: 'connect',
  tls: 'tls',
  registry: 'api',
  throttled: 'api',
  auth: 'credentials',
  permission: 'catalog',
}

/**
 * The checklist to show for a test result. The server lists the steps it ran; an answer
 * without them (a provider that makes one API call) still gets one: a failure at a stage
 * means every step before it worked, and a success means all of them did.
 *
 * @example
 * connectionChecks('ACR', { ok: false, stage: 'auth', checks: [], … })
 * // resolve, connect, tls, api: PASSED; credentials: FAILED; catalog: NOT_RUN
 */
export function connectionChecks(
  kind: InstanceKind,
  result: TestInstanceConnectionResult,
): ConnectionCheck[] {
  if (result.checks.length || kind === 'DIRECTORY') return result.checks
  const steps = connectionCheckStep.options
  if (result.ok) return steps.map((step) => ({ step, status: 'PASSED', detail: null }))
  const failedAt = steps.indexOf(stepOfStage[result.stage])
  return steps.map((step, i) => ({
    step,
    status: i < failedAt ? 'PASSED' : i === failedAt ? 'FAILED' : 'NOT_RUN',
    detail: i === failedAt ? result.message : null,
  }))
}
