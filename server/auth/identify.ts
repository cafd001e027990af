import { role as roleSchema } from '@contract/auth'
import type { Context } from 'hono'
import type { Db } from '../db/database'
import { ApiError } from '../errors'
import type { AppEnv, Principal } from '../http/request-context'
import { PROXY_SECRET_HEADER, type AuthSettings } from './auth-settings'
import { proxyCsrfToken, safeEqual } from './secrets'
import { readSessionCookie } from './session-cookie'
import { findSession } from './session-store'
import { findActiveToken, touchToken } from './token-store'

/** Who is calling, and the CSRF token their POSTs must carry (none for bearer tokens). */
export interface Identity {
  principal: Principal
  csrfToken: string | null
}

/** The principal when sign-in is off: the person at this machine, with every right. */
export const LOOPBACK_PRINCIPAL: Principal = { id: 'loopback', name: 'local operator', role: 'admin', via: 'loopback' }

/**
 * Finds the caller, in order: a bearer token (scripts), the trusted proxy's user header
 * (only with the proxy's secret), the session cookie (the SPA). A credential that is
 * present but wrong is an error rather than "anonymous", so a script with a revoked
 * token learns why at once.
 */
export async function identify(c: Context<AppEnv>, db: Db, settings: AuthSettings): Promise<Identity | undefined> {
  if (settings.mode === 'off') return { principal: LOOPBACK_PRINCIPAL, csrfToken: null }

  const authorization = c.req.header('authorization')
  if (authorization !== undefined) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization)
    const token = m?.[1] ? await findActiveToken(db, m[1]) : undefined
    if (!token) throw new ApiError('UNAUTHENTICATED', 'The API token in the Authorization header is unknown, revoked or expired (expected "Bearer lsk_…").')
    await touchToken(db, token.id)
    return { principal: { id: token.id, name: token.name, role: token.role, via: 'token' }, csrfToken: null }
  }

  const proxy = settings.proxy
  const proxyUser = proxy ? c.req.header(proxy.userHeader)?.trim() : undefined
  if (proxy && proxyUser) {
    if (!safeEqual(c.req.header(PROXY_SECRET_HEADER) ?? '', proxy.secret)) {
      throw new ApiError('UNAUTHENTICATED', `The ${proxy.userHeader} header is only accepted from the sign-in proxy, which proves itself with the proxy secret.`)
    }
    const named = proxy.roleHeader ? c.req.header(proxy.roleHeader)?.trim().toLowerCase() : undefined
    const parsedRole = named ? roleSchema.safeParse(named) : undefined
    if (parsedRole && !parsedRole.success) throw new ApiError('UNAUTHENTICATED', `The sign-in proxy named an unknown role "${named}" (viewer, operator, approver or admin).`)
    return {
      principal: { id: `proxy:${proxyUser}`, name: proxyUser, role: parsedRole?.data ?? proxy.defaultRole, via: 'proxy' },
      csrfToken: proxyCsrfToken(proxy.secret, proxyUser),
    }
  }

  const cookie = readSessionCookie(c)
  if (cookie) {
    const session = await findSession(db, cookie)
    // An expired or revoked session is simply "not signed in": the SPA shows sign-in.
    if (session) return { principal: { id: session.tokenId, name: session.name, role: session.role, via: 'session' }, csrfToken: session.csrfToken }
  }
  return undefined
}
