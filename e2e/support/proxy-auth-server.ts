import { request as playwrightRequest, type APIRequestContext } from '@playwright/test'
import { CSRF_HEADER, type Role } from '@contract/auth'
import { PROXY_SECRET_HEADER } from '../../server/auth/auth-settings'
import { callApi } from './api'
import { spawnedServer, type SpawnedServer, type SpawnedServerOptions } from './spawned-server'

const USER_HEADER = 'x-forwarded-user'
const ROLE_HEADER = 'x-forwarded-role'
const SECRET = 'e2e-sign-in-proxy-secret-0123456789abcdef'

export interface ProxyAuthServer extends SpawnedServer {
  /** The headers the sign-in proxy adds to a request of `user` in `role`. */
  as(user: string, role: Role): Record<string, string>
  /** An API client acting as `user`, carrying the CSRF token writes need (as the SPA's do). */
  apiAs(user: string, role: Role): Promise<APIRequestContext>
}

/**
 * A server of its own with sign-in required behind a trusted "sign-in proxy": a request
 * names its user and role in headers, proven by the proxy's secret. Specs that need several
 * people (one asks, another decides) or roles use it without minting tokens.
 *
 * @example
 * const server = proxyAuthServer({ name: 'access', portOffset: 2300 })
 * test.use({ baseURL: server.origin, extraHTTPHeaders: server.as('vic', 'viewer') })
 */
export function proxyAuthServer(opts: SpawnedServerOptions): ProxyAuthServer {
  const server = spawnedServer({
    ...opts,
    env: {
      AUTH_MODE: 'required',
      AUTH_PROXY_HEADER: USER_HEADER,
      AUTH_PROXY_ROLE_HEADER: ROLE_HEADER,
      AUTH_PROXY_SECRET: SECRET,
      ...opts.env,
    },
  })
  const as = (user: string, role: Role) => ({
    [USER_HEADER]: user,
    [ROLE_HEADER]: role,
    [PROXY_SECRET_HEADER]: SECRET,
  })

  async function apiAs(user: string, role: Role): Promise<APIRequestContext> {
    // The CSRF token is the user's own: getSession hands it out, as it does to the SPA.
    const probe = await playwrightRequest.newContext({
      baseURL: server.origin,
      extraHTTPHeaders: as(user, role),
    })
    const session = await callApi(probe, 'getSession')
    await probe.dispose()
    return playwrightRequest.newContext({
      baseURL: server.origin,
      extraHTTPHeaders: { ...as(user, role), [CSRF_HEADER]: String(session.csrfToken) },
    })
  }

  return { ...server, as, apiAs }
}
