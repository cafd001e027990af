import type { Db } from '../db/database'
import { newSessionSecret, sha256Hex } from './secrets'

/**
 * Sessions of the SPA. The cookie holds a random secret; the table keeps its hash, the
 * CSRF token (synchronizer pattern) and the token the user signed in with, whose role,
 * name, revocation and expiry are read on every request.
 */
export interface SessionPrincipal {
  tokenId: string
  name: string
  role: 'viewer' | 'operator' | 'approver' | 'admin'
  csrfToken: string
}

export async function createSession(
  db: Db,
  token: { id: string; expires_at: Date | string | null },
  ttlMs: number,
  now = new Date(),
): Promise<{ cookieValue: string; csrfToken: string; expiresAt: Date }> {
  const cookieValue = newSessionSecret()
  const csrfToken = newSessionSecret()
  const ttlEnd = now.getTime() + ttlMs
  const expiresAt = new Date(token.expires_at ? Math.min(ttlEnd, new Date(token.expires_at).getTime()) : ttlEnd)
  await db.insertInto('auth_sessions').values({ id_hash: sha256Hex(cookieValue), token_id: token.id, csrf_token: csrfToken, created_at: now, expires_at: expiresAt }).execute()
  return { cookieValue, csrfToken, expiresAt }
}

/** The live session a cookie names: unexpired, and its token neither revoked nor expired. */
export async function findSession(db: Db, cookieValue: string, now = new Date()): Promise<SessionPrincipal | undefined> {
  const row = await db
    .selectFrom('auth_sessions as s')
    .innerJoin('api_tokens as t', 't.id', 's.token_id')
    .select(['t.id as tokenId', 't.name', 't.role', 's.csrf_token as csrfToken'])
    .where('s.id_hash', '=', sha256Hex(cookieValue))
    .where('s.expires_at', '>', now)
    .where('t.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('t.expires_at', 'is', null), eb('t.expires_at', '>', now)]))
    .executeTakeFirst()
  return row
}

export async function deleteSession(db: Db, cookieValue: string): Promise<void> {
  await db.deleteFrom('auth_sessions').where('id_hash', '=', sha256Hex(cookieValue)).execute()
}

/** Drops expired sessions; run now and then so the table does not grow without end. */
export async function deleteExpiredSessions(db: Db, now = new Date()): Promise<void> {
  await db.deleteFrom('auth_sessions').where('expires_at', '<=', now).execute()
}
