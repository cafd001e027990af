import type { Env as HonoEnv } from 'hono'
import type { Logger } from '../log'

/**
 * Who is making the request, once the auth middleware has decided: a signed-in user,
 * an API token, the trusted proxy's user, or the loopback operator when sign-in is off.
 * Unset before that middleware runs; handlers record `name` as the actor of what they do.
 */
export interface Principal {
  id: string
  name: string
  role: 'viewer' | 'operator' | 'approver' | 'admin'
  via: 'loopback' | 'session' | 'token' | 'proxy'
}

/** What every handler can read from the Hono context. */
export interface AppEnv extends HonoEnv {
  Variables: {
    requestId: string
    log: Logger
    principal?: Principal
    /** The token the principal's writes must carry in X-CSRF-Token; null when none is needed (server/auth/). */
    csrfToken?: string | null
    /** Records a successful write in the audit log (server/audit/); the operation mount calls it. */
    recordAudit?: (action: string, input: unknown, output: unknown) => Promise<void>
  }
}
