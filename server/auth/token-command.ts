import { parseArgs } from 'node:util'
import { z } from 'zod'
import { apiTokenId, createApiTokenBody, type ApiToken } from '@contract/auth'
import { insertAuditEvent } from '../audit/audit-store'
import type { Db } from '../db/database'
import { ApiError } from '../errors'
import { createToken, listTokens, revokeToken } from './token-store'

export const TOKEN_HELP = `Usage:
  npm run token -- create --name <name> --role <viewer|operator|approver|admin> [--expires <days>d]
  npm run token -- list [--all]
  npm run token -- revoke <tokenId>

API tokens sign scripts in (Authorization: Bearer lsk_…) and people in (the sign-in page
exchanges one for a session). create prints the token once: only its hash is stored.
revoke ends the token and every session signed in with it. The first admin token has to
come from here. Reads the server's database: DATABASE_URL, else PGlite in DATA_DIR/pg
(stop a server using the same PGlite directory first).
`

export interface TokenCommandIo {
  out: (text: string) => void
  err: (text: string) => void
  /** Who runs the command, recorded as the creator and in the audit log. */
  actor: string
}

const expires = z
  .string()
  .regex(/^\d+d?$/, 'must be a number of days, such as 90d')
  .transform((v) => Number.parseInt(v, 10))

/** `npm run token -- …`: answers the exit status (0 done, 1 failed, 2 usage error). */
export async function runTokenCommand(argv: string[], db: Db, io: TokenCommandIo): Promise<number> {
  const [command, ...rest] = argv
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { name: { type: 'string' }, role: { type: 'string' }, expires: { type: 'string' }, all: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
  })
  if (values.help || command === undefined || command === 'help' || command === '--help' || command === '-h') {
    io.out(TOKEN_HELP)
    return command === undefined ? 2 : 0
  }
  const audit = (action: string, target: string, details: Record<string, unknown>) =>
    insertAuditEvent(db, { actor: io.actor, actorVia: 'cli', action, target, details, requestId: null })

  switch (command) {
    case 'create': {
      const days = values.expires === undefined ? undefined : expires.safeParse(values.expires)
      const body = createApiTokenBody.safeParse({ name: values.name ?? '', role: values.role, expiresInDays: days?.success ? days.data : undefined })
      const problems = [...(days && !days.success ? [`--expires ${days.error.issues[0]?.message ?? 'is invalid'}`] : []), ...(body.success ? [] : body.error.issues.map((i) => `--${i.path.join('.')} ${i.message}`))]
      if (problems.length || !body.success) {
        io.err(`${problems.join('\n')}\n\n${TOKEN_HELP}`)
        return 2
      }
      const { token, secret } = await createToken(db, { ...body.data, createdBy: io.actor })
      await audit('createApiToken', `tokenId=${token.tokenId} name=${token.name}`, { name: token.name, role: token.role, expiresInDays: body.data.expiresInDays ?? null })
      io.out(`Created ${token.tokenId} "${token.name}" (${token.role}${token.expireTime ? `, expires ${new Date(token.expireTime).toISOString()}` : ', no expiry'}).\n`)
      io.out(`Token (shown once, store it now):\n${secret}\n`)
      return 0
    }
    case 'list': {
      const page = await listTokens(db, { pageNo: 1, pageSize: 100, includeRevoked: values.all })
      io.out(formatTokenTable(page.items))
      if (page.totalCount > page.items.length) io.out(`(${page.totalCount - page.items.length} more not shown)\n`)
      return 0
    }
    case 'revoke': {
      const id = apiTokenId.safeParse(positionals[0] ?? '')
      if (!id.success) {
        io.err(`revoke needs a token id: ${id.error.issues[0]?.message ?? 'invalid'}\n`)
        return 2
      }
      try {
        const token = await revokeToken(db, id.data)
        await audit('revokeApiToken', `tokenId=${token.tokenId}`, { tokenId: token.tokenId })
        io.out(`Revoked ${token.tokenId} "${token.name}"; its sessions are ended.\n`)
        return 0
      } catch (err) {
        if (err instanceof ApiError && err.code === 'API_TOKEN_NOT_EXIST') {
          io.err(`${err.message}\n`)
          return 1
        }
        throw err
      }
    }
    default:
      io.err(`Unknown command "${command}".\n\n${TOKEN_HELP}`)
      return 2
  }
}

const iso = (ms: number | null) => (ms === null ? '-' : new Date(ms).toISOString().slice(0, 16).replace('T', ' '))

export function formatTokenTable(tokens: ApiToken[]): string {
  if (tokens.length === 0) return 'No tokens.\n'
  const rows = [
    ['ID', 'NAME', 'ROLE', 'CREATED BY', 'CREATED', 'LAST USED', 'EXPIRES', 'REVOKED'],
    ...tokens.map((t) => [t.tokenId, t.name, t.role, t.createdBy, iso(t.createTime), iso(t.lastUsedTime), iso(t.expireTime), iso(t.revokeTime)]),
  ]
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)))
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd()).join('\n') + '\n'
}
