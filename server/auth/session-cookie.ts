import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { AuthSettings } from './auth-settings'

/**
 * The SPA's session cookie: HttpOnly (scripts cannot read it), Secure (never sent over
 * plain http; browsers treat http://localhost as secure), the `__Host-` prefix (no Domain,
 * Path=/, so no sibling host can set or read it) and SameSite from the embedding settings.
 */
export const SESSION_COOKIE = '__Host-layerscope-session'

export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE) || undefined
}

export function writeSessionCookie(c: Context, value: string, expiresAt: Date, settings: AuthSettings): void {
  setCookie(c, SESSION_COOKIE, value, { httpOnly: true, secure: true, sameSite: settings.sameSite, path: '/', expires: expiresAt })
}

export function clearSessionCookie(c: Context, settings: AuthSettings): void {
  deleteCookie(c, SESSION_COOKIE, { httpOnly: true, secure: true, sameSite: settings.sameSite, path: '/' })
}
