import { sql } from 'kysely'
import type { ApiToken, Role } from '@contract/auth'
import type { Page } from '@contract/common'
import type { Db } from '../db/database'
import type { ApiTokenTable } from '../db/schema'
import type { Selectable } from 'kysely'
import { ApiError } from '../errors'
import { newTokenId, newTokenSecret, sha256Hex } from './secrets'

type TokenRow = Pick<Selectable<ApiTokenTable>, 'id' | 'name' | 'role' | 'created_by' | 'created_at' | 'last_used_at' | 'expires_at' | 'revoked_at'>

const ms = (d: Date | null) => (d === null ? null : new Date(d).getTime())

export function toApiToken(row: TokenRow): ApiToken {
  return {
    tokenId: row.id,
    name: row.name,
    role: row.role,
    createdBy: row.created_by,
    createTime: new Date(row.created_at).getTime(),
    lastUsedTime: ms(row.last_used_at),
    expireTime: ms(row.expires_at),
    revoked: row.revoked_at !== null,
    revokeTime: ms(row.revoked_at),
  }
}

const columns = ['id', 'name', 'role', 'created_by', 'created_at', 'last_used_at', 'expires_at', 'revoked_at'] as const

export interface NewToken {
  name: string
  role: Role
  createdBy: string
  expiresInDays?: number | undefined
}

/** Creates a token; the answer holds the secret, which is not stored and cannot be read again. */
export async function createToken(db: Db, t: NewToken, now = new Date()): Promise<{ token: ApiToken; secret: string }> {
  const secret = newTokenSecret()
  const row = await db
    .insertInto('api_tokens')
    .values({
      id: newTokenId(),
      name: t.name,
      role: t.role,
      token_hash: sha256Hex(secret),
      created_by: t.createdBy,
      created_at: now,
      last_used_at: null,
      expires_at: t.expiresInDays ? new Date(now.getTime() + t.expiresInDays * 86_400_000) : null,
      revoked_at: null,
    })
    .returning(columns)
    .executeTakeFirstOrThrow()
  return { token: toApiToken(row), secret }
}

export async function listTokens(db: Db, q: { pageNo: number; pageSize: number; includeRevoked?: boolean | undefined }): Promise<Page<ApiToken>> {
  return db.transaction().execute(async (trx) => {
    let base = trx.selectFrom('api_tokens')
    if (!q.includeRevoked) base = base.where('revoked_at', 'is', null)
    const { n } = await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()
    const rows = await base
      .select(columns)
      .orderBy('created_at', 'desc')
      .orderBy('seq', 'desc')
      .limit(q.pageSize)
      .offset((q.pageNo - 1) * q.pageSize)
      .execute()
    return { items: rows.map(toApiToken), totalCount: n, pageNo: q.pageNo, pageSize: q.pageSize }
  })
}

/** Revokes a token and ends every session signed in with it, in one transaction. */
export async function revokeToken(db: Db, tokenId: string, now = new Date()): Promise<ApiToken> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('api_tokens').select(columns).where('id', '=', tokenId).forUpdate().executeTakeFirst()
    if (!existing) throw new ApiError('API_TOKEN_NOT_EXIST', `API token ${tokenId} does not exist.`)
    await trx.deleteFrom('auth_sessions').where('token_id', '=', tokenId).execute()
    if (existing.revoked_at !== null) return toApiToken(existing)
    const row = await trx.updateTable('api_tokens').set({ revoked_at: now }).where('id', '=', tokenId).returning(columns).executeTakeFirstOrThrow()
    return toApiToken(row)
  })
}

/** The token a secret belongs to, when it is neither revoked nor expired. */
export async function findActiveToken(db: Db, secret: string, now = new Date()): Promise<TokenRow | undefined> {
  return db
    .selectFrom('api_tokens')
    .select(columns)
    .where('token_hash', '=', sha256Hex(secret))
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .executeTakeFirst()
}

/** Records use at most once a minute, so busy scripts do not write on every request. */
export async function touchToken(db: Db, tokenId: string, now = new Date()): Promise<void> {
  await db
    .updateTable('api_tokens')
    .set({ last_used_at: now })
    .where('id', '=', tokenId)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', new Date(now.getTime() - 60_000))]))
    .execute()
}
