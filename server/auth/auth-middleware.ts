import { CSRF_HEADER, roleAtLeast } from '@contract/auth'
import type { MiddlewareHandler } from 'hono'
import type { Db } from '../db/database'
import { ApiError } from '../errors'
import type { AppEnv } from '../http/request-context'
import { DEFAULT_FRAME_ANCESTORS, type FrameAncestors } from '../http/security-headers'
import type { AuthSettings } from './auth-settings'
import { checkCsrf } from './csrf'
import { identify } from './identify'
import { requiredRole } from './operation-roles'

export const OPERATION_PREFIX = '/api/v1/'

/**
 * In front of every `/api/v1/<operation>`: finds the caller, checks the operation's role
 * (operation-roles.ts) and, on writes, the CSRF token. Runs before input validation, so a
 * stranger learns nothing from validation errors. Routes outside /api/v1 (health, docs,
 * webhooks and wire protocols with their own authentication, the SPA) do not pass here.
 * `frameAncestors` (EMBED_ALLOWED_ORIGINS) names the portals whose pages may write where
 * no CSRF token exists (csrf.ts).
 */
export function authenticate(db: Db, settings: AuthSettings, frameAncestors: FrameAncestors = DEFAULT_FRAME_ANCESTORS): MiddlewareHandler<AppEnv> {
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
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const header = (name: string) => c.req.header(name)
      checkCsrf({ csrfToken: header(CSRF_HEADER), secFetchSite: header('sec-fetch-site'), origin: header('origin'), referer: header('referer'), host: header('host') }, identity, frameAncestors)
    }
    await next()
  }
}
