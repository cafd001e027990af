import type { Role } from '@contract/auth'
import type { Env } from '../env'
import type { FrameAncestors } from '../http/security-headers'
import { isLoopbackHost } from './loopback'

/** How the server decides who is calling; built once from the environment. */
export interface AuthSettings {
  /** off: everyone is the local operator (admin); only allowed while listening on loopback. */
  mode: 'off' | 'required'
  proxy?: ProxySettings | undefined
  sessionTtlMs: number
  /** None when a page of another site may frame the app (the cookie must travel in its frames), else Lax. */
  sameSite: 'None' | 'Lax'
}

export interface ProxySettings {
  userHeader: string
  secret: string
  roleHeader?: string | undefined
  defaultRole: Role
}

/** The header a trusted proxy proves itself with. */
export const PROXY_SECRET_HEADER = 'x-auth-proxy-secret'

export const AUTH_OFF: AuthSettings = { mode: 'off', sessionTtlMs: 12 * 3_600_000, sameSite: 'Lax' }

/**
 * Lax keeps the cookie on links followed from other sites (a shared report opens signed in)
 * and off their cross-site POSTs; a portal on another site framing the app needs None.
 * Whether a listed origin is the same *site* as ours cannot be known without our public
 * URL, so any origin other than 'self' counts as cross-site.
 */
export function sameSiteFor(frameAncestors: FrameAncestors): 'None' | 'Lax' {
  return frameAncestors !== 'none' && frameAncestors.some((o) => o !== "'self'") ? 'None' : 'Lax'
}

export function authSettings(env: Env): AuthSettings {
  const mode = env.AUTH_MODE === 'auto' ? (isLoopbackHost(env.HOST) ? 'off' : 'required') : env.AUTH_MODE
  return {
    mode,
    proxy:
      env.AUTH_PROXY_HEADER && env.AUTH_PROXY_SECRET
        ? { userHeader: env.AUTH_PROXY_HEADER.toLowerCase(), secret: env.AUTH_PROXY_SECRET, roleHeader: env.AUTH_PROXY_ROLE_HEADER?.toLowerCase(), defaultRole: env.AUTH_PROXY_DEFAULT_ROLE }
        : undefined,
    sessionTtlMs: Math.round(env.SESSION_TTL_HOURS * 3_600_000),
    sameSite: sameSiteFor(env.EMBED_ALLOWED_ORIGINS),
  }
}
