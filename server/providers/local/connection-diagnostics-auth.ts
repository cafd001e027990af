import { AcquireError } from '../../engine/acquire/errors'
import type { RegistrySource } from '../../engine/acquire/registry-source'
import type { Challenge } from '../../engine/acquire/www-authenticate'
import type { ApiProbe } from './connection-diagnostics-registry'
import { DiagnosisFailure, type StepResult, THROTTLED_HINT } from './connection-diagnostics-result'

/**
 * Signs in the way pulls will (Basic, or a Bearer token from the realm) by asking `/v2/`
 * with the credentials. A refusal names the realm and service the registry sent.
 */
export async function checkCredentials(
  source: RegistrySource,
  host: string,
  probe: ApiProbe,
  hasCredentials: boolean,
): Promise<StepResult<void>> {
  if (probe.status !== 401) {
    return {
      status: 'SKIPPED',
      detail: hasCredentials
        ? 'The registry allows anonymous access; the catalog check uses the credentials.'
        : 'Anonymous access: no credentials to check.',
      value: undefined,
    }
  }
  try {
    await source.ping()
  } catch (err) {
    if (!(err instanceof AcquireError)) throw err
    throw credentialsFailure(err, host, probe.challenge, hasCredentials)
  }
  const how =
    probe.challenge?.scheme === 'bearer'
      ? `a token from ${probe.challenge.params.realm ?? 'the token service'}`
      : 'Basic authentication'
  return {
    status: 'PASSED',
    detail: `${hasCredentials ? 'Signed in' : 'Anonymous access granted'} with ${how}.`,
    value: undefined,
  }
}

function credentialsFailure(
  err: AcquireError,
  host: string,
  challenge: Challenge | undefined,
  hasCredentials: boolean,
): DiagnosisFailure {
  const asked = challenge ? ` (${describeChallenge(challenge)})` : ''
  switch (err.code) {
    case 'UNAUTHORIZED':
      if (!hasCredentials) {
        return new DiagnosisFailure('auth', `${host} requires credentials${asked}.`, {
          hint: 'Enter a username and a password or access token that may pull from this registry.',
          field: 'username',
        })
      }
      if (err.message.includes('token service')) {
        return new DiagnosisFailure(
          'auth',
          `${host}: the token service refused the username or password${asked}.`,
          {
            hint: 'Check the username and password. Some registries want an access token instead of the account password.',
          },
        )
      }
      return new DiagnosisFailure(
        'auth',
        `${host}: authentication failed (HTTP 401)${asked}; check the username and password.`,
        {
          hint: 'Check the username and password. Some registries want an access token instead of the account password.',
        },
      )
    case 'FORBIDDEN':
      return new DiagnosisFailure('permission', `${host}: access denied to these credentials (HTTP 403).`, {
        hint: 'The account exists but may not use the registry; ask its administrator for pull access.',
      })
    case 'RATE_LIMITED':
      return new DiagnosisFailure('throttled', `${host}: rate limited while signing in (HTTP 429).`, {
        hint: THROTTLED_HINT,
      })
    default:
      // The token service itself is unreachable, answers nonsense or sits somewhere we refuse to send credentials.
      return new DiagnosisFailure(
        'auth',
        `${err.message}${challenge ? ` The registry asked for ${describeChallenge(challenge)}.` : ''}`,
        {
          hint: null,
          code:
            err.code === 'UNREACHABLE' || err.code === 'TLS'
              ? 'REGISTRY_UNREACHABLE'
              : 'REGISTRY_AUTH_FAILED',
        },
      )
  }
}

/**
 * A challenge in words, realm and service included (they are public: the registry sends them to anyone).
 *
 * @example describeChallenge({ scheme: 'bearer', params: { realm: 'https://auth.example.com/token', service: 'registry' } })
 * // 'Bearer realm https://auth.example.com/token, service registry'
 */
export function describeChallenge(c: Challenge): string {
  const scheme = c.scheme === 'bearer' ? 'Bearer' : c.scheme === 'basic' ? 'Basic' : c.scheme
  const parts = [
    c.params.realm ? `realm ${clip(c.params.realm)}` : '',
    c.params.service ? `service ${clip(c.params.service)}` : '',
  ].filter(Boolean)
  return parts.length ? `${scheme} ${parts.join(', ')}` : scheme
}

function clip(value: string): string {
  return value.length > 200 ? `${value.slice(0, 200)}…` : value
}
