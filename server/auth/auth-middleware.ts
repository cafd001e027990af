import { CSRF_HEADER, roleAtLeast } from '@contract/auth'
import type { MiddlewareHandler } from 'hono'
import type { Db } from '../db/database'
import { ApiError } from '../errors'
import type { AppEnv } from '../http/request-context'
import type { AuthSettings } from './auth-settings'
import { identify, type Identity } from './identify'
import { requiredRole } from './operation-roles'
import { safeEqual } from './secrets'

export const OPERATION_PREFIX = '/api/v1/'

/**
 * In front of every `/api/v1/<operation>`: finds the caller, checks the operation's role
 * (operation-roles.ts) and, on writes, the CSRF token. Runs before input validation, so a
 * stranger learns nothing from validation errors. Routes outside /api/v1 (health, docs,
 * webhooks and wire protocols with their own authentication, the SPA) do not pass here.
 */
export function authenticate(db: Db, settings: AuthSettings): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const name = c.req.path.slice(OPERATION_PREFIX.length)
    const needed = requiredRole(name)
    const identity = await identify(c, db, settings)
    if (identity) {
      c.set('principal', identity.principal)
      c.set('csrfToken', identity.csrfToken)
    }
    if (needed !== 'public') {
      if (!identity) throw new ApiError('UNAUTHENTICATED', 'Sign in to use Layerscope: send an API token as "Authorization: Bearer lsk_…", or sign in on the web page.')
      if (!roleAtLeast(identity.principal.role, needed)) {
        throw new ApiError('ACCESS_DENIED', `${name} needs the ${needed} role; ${identity.principal.name} has ${identity.principal.role}.`)
      }
    }
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') checkCsrf(c.req.header(CSRF_HEADER), c.req.header('sec-fetch-site'), identity)
    await next()
  }
}

/**
 * Cookie sessions and proxy users are what a browser sends by itself, so their writes must
 * prove they come from our page: the session's token in X-CSRF-Token (synchronizer
 * pattern). Bearer tokens are never sent by a browser on its own and need none. Where no
 * token exists (sign-in off, or signing in) a POST another site's page made is refused by
 * the browser's Sec-Fetch-Site.
 */
export function checkCsrf(sent: string | undefined, fetchSite: string | undefined, identity: Identity | undefined): void {
  const via = identity?.principal.via
  if (via === 'token') return
  if (via === 'session' || via === 'proxy') {
    if (!sent || !identity?.csrfToken || !safeEqual(sent, identity.csrfToken)) {
      throw new ApiError('CSRF_TOKEN_INVALID', `Writes need the session's CSRF token in the ${CSRF_HEADER} header (getSession answers it); reload the page and try again.`)
    }
    return
  }
  if (fetchSite === 'cross-site') throw new ApiError('CSRF_TOKEN_INVALID', 'Writes from pages of another site are refused.')
}
