import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Session } from '@contract/auth'
import { operations } from '@contract/operations'
import type { Context } from 'hono'
import type { Db } from '../db/database'
import { ApiError } from '../errors'
import { mountOperation } from '../http/operation-route'
import type { AppEnv } from '../http/request-context'
import type { AuthSettings } from './auth-settings'
import { permittedOperations } from './operation-roles'
import { clearSessionCookie, readSessionCookie, writeSessionCookie } from './session-cookie'
import { createSession, deleteExpiredSessions, deleteSession } from './session-store'
import { createToken, findActiveToken, listTokens, revokeToken } from './token-store'

/** Sign-in, sign-out, "who am I" and the API token admin operations. */
export function authRoutes(app: OpenAPIHono<AppEnv>, deps: { db: Db; auth: AuthSettings }) {
  const { db, auth } = deps

  const sessionOf = (c: Context<AppEnv>): Session => {
    const principal = c.get('principal') ?? null
    return {
      authMode: auth.mode,
      principal,
      csrfToken: c.get('csrfToken') ?? null,
      permissions: principal ? permittedOperations(principal.role) : [],
      signIn: { token: auth.mode === 'required', proxy: auth.mode === 'required' && auth.proxy !== undefined },
    }
  }

  mountOperation(app, operations.getSession, (_q, c) => Promise.resolve(sessionOf(c)))

  mountOperation(app, operations.createSession, async (body, c) => {
    if (auth.mode === 'off') throw new ApiError('OPERATION_NOT_SUPPORTED', 'Sign-in is off: the server listens on loopback only and everyone here is the local operator.')
    const token = await findActiveToken(db, body.token)
    if (!token) throw new ApiError('TOKEN_INVALID', 'This API token is unknown, revoked or expired. Ask an admin for a new one.', { token: ['is unknown, revoked or expired'] })
    await deleteExpiredSessions(db)
    const previous = readSessionCookie(c)
    if (previous) await deleteSession(db, previous)
    const created = await createSession(db, token, auth.sessionTtlMs)
    writeSessionCookie(c, created.cookieValue, created.expiresAt, auth)
    c.set('principal', { id: token.id, name: token.name, role: token.role, via: 'session' })
    c.set('csrfToken', created.csrfToken)
    return sessionOf(c)
  })

  mountOperation(app, operations.deleteSession, async (_body, c) => {
    const cookie = readSessionCookie(c)
    if (cookie) await deleteSession(db, cookie)
    clearSessionCookie(c, auth)
    return { ok: true as const }
  })

  mountOperation(app, operations.createApiToken, (body, c) => createToken(db, { ...body, createdBy: c.get('principal')?.name ?? 'unknown' }))
  mountOperation(app, operations.listApiToken, (q) => listTokens(db, q))
  mountOperation(app, operations.revokeApiToken, (body) => revokeToken(db, body.tokenId))
}
