import { z } from 'zod'
import { epochMs, optionalParam, pageOf, pageQuery } from './common'

/**
 * Sign-in, sessions and API tokens. There is no identity provider: people sign in with an
 * API token (exchanged for a session cookie) or arrive through a trusted single-sign-on
 * proxy; scripts send the token as `Authorization: Bearer …` on every request.
 */

/**
 * Roles, weakest first; each includes what the ones before it may do. viewer reads
 * reports; operator starts scans, manages rules and requests exceptions; approver also
 * approves or denies exceptions; admin also manages instances, credentials and tokens.
 */
export const roles = ['viewer', 'operator', 'approver', 'admin'] as const
export const role = z.enum(roles).meta({ description: 'viewer < operator < approver < admin; each role includes the ones before it.' })
export type Role = z.infer<typeof role>

/** True when `held` includes everything `needed` may do. */
export function roleAtLeast(held: Role, needed: Role): boolean {
  return roles.indexOf(held) >= roles.indexOf(needed)
}

export const principal = z
  .object({
    id: z.string(),
    name: z.string(),
    role,
    via: z.enum(['loopback', 'session', 'token', 'proxy']).meta({
      description: 'loopback: sign-in is off (the server listens on loopback only); session: signed in with a token; token: Authorization header; proxy: the trusted proxy.',
    }),
  })
  .meta({ id: 'Principal' })
export type PrincipalView = z.infer<typeof principal>

export const session = z
  .object({
    authMode: z.enum(['off', 'required']).meta({ description: 'off only while the server listens on loopback.' }),
    principal: principal.nullable().meta({ description: 'null when nobody is signed in.' }),
    csrfToken: z
      .string()
      .nullable()
      .meta({ description: 'Send as the X-CSRF-Token header on every POST made with the session cookie or through the proxy; null when none is needed.' }),
    permissions: z.array(z.string()).meta({ description: 'Names of the operations this principal may call.' }),
    signIn: z.object({ token: z.boolean(), proxy: z.boolean() }).meta({ description: 'Which ways to sign in this server offers.' }),
  })
  .meta({ id: 'Session' })
export type Session = z.infer<typeof session>

export const getSessionQuery = z.object({})

export const createSessionBody = z.object({
  token: z.string().trim().min(1, 'is required').max(256, 'is not a Layerscope API token').meta({ description: 'An API token (lsk_…); it is exchanged for a session cookie.' }),
})

export const deleteSessionBody = z.object({})

export const apiTokenId = z
  .string()
  .regex(/^tok-[0-9a-z]{16}$/, 'must look like tok- followed by 16 lowercase letters or digits')
  .meta({ example: 'tok-4f7k2m9q1x8c3v5b' })

export const apiToken = z
  .object({
    tokenId: apiTokenId,
    name: z.string(),
    role,
    createdBy: z.string(),
    createTime: epochMs,
    lastUsedTime: epochMs.nullable(),
    expireTime: epochMs.nullable(),
    revoked: z.boolean(),
    revokeTime: epochMs.nullable(),
  })
  .meta({ id: 'ApiToken' })
export type ApiToken = z.infer<typeof apiToken>

export const tokenName = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9 ._@-]*$/, 'may use letters, digits, spaces, dots, dashes, @ and underscores')

export const createApiTokenBody = z.object({
  name: tokenName.meta({ description: 'Who or what uses the token; shown as the actor in the audit log.' }),
  role,
  expiresInDays: z.number().int().min(1, 'must be at least 1 day').max(3650, 'must be at most 3650 days').optional().meta({ description: 'Omitted: never expires.' }),
})
export type CreateApiTokenBody = z.input<typeof createApiTokenBody>

export const createApiTokenResult = z.object({
  token: apiToken,
  secret: z.string().meta({ description: 'The token itself. Shown this once: only its hash is stored.' }),
})

export const listApiTokenQuery = pageQuery.extend({
  includeRevoked: optionalParam(z.enum(['true', 'false']).transform((v) => v === 'true')).meta({ description: 'Also list revoked tokens (default false).' }),
})

export const apiTokenPage = pageOf(apiToken).meta({ id: 'ApiTokenPage' })

export const revokeApiTokenBody = z.object({ tokenId: apiTokenId })

/** The header the SPA sends the CSRF token in. */
export const CSRF_HEADER = 'x-csrf-token'
