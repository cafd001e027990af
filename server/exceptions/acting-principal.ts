import type { Context } from 'hono'
import type { AppEnv, Principal } from '../http/request-context'

/**
 * Who the request acts as. The auth middleware sets the principal on every /api/v1 call;
 * when it has not (a mount without it), the caller is the person at this machine, with
 * every right, as sign-in-off means.
 */
export const LOCAL_ADMIN: Principal = { id: 'local', name: 'local', role: 'admin', via: 'loopback' }

export function actingPrincipal(c: Context<AppEnv>): Principal {
  return c.get('principal') ?? LOCAL_ADMIN
}
