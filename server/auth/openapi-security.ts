import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Role } from '@contract/auth'
import { PROXY_SECRET_HEADER, type AuthSettings } from './auth-settings'
import { OPERATION_PREFIX } from './auth-middleware'
import { requiredRole } from './operation-roles'
import { SESSION_COOKIE } from './session-cookie'

/** The document @hono/zod-openapi generates from the contract (OpenAPI 3.0). */
export type OpenApiDocument = ReturnType<OpenAPIHono['getOpenAPIDocument']>
type PathItem = NonNullable<OpenApiDocument['paths']>[string]
type SecurityRequirement = Record<string, string[]>
type SecuritySchemes = NonNullable<NonNullable<OpenApiDocument['components']>['securitySchemes']>

const ROLE_ORDER = 'viewer < operator < approver < admin'
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const

/** The names of the security schemes in `components.securitySchemes`. */
export const SECURITY_SCHEMES = {
  apiToken: 'apiToken',
  sessionCookie: 'sessionCookie',
  csrfToken: 'csrfToken',
  proxyUser: 'proxyUser',
  proxySecret: 'proxySecret',
} as const

function securitySchemes(settings: AuthSettings): SecuritySchemes {
  const schemes: SecuritySchemes = {
    [SECURITY_SCHEMES.apiToken]: {
      type: 'http',
      scheme: 'bearer',
      description:
        'An API token, `Authorization: Bearer lsk_…` (`npm run token -- create`, or the Tokens page). For scripts: no CSRF token needed.',
    },
    [SECURITY_SCHEMES.sessionCookie]: {
      type: 'apiKey',
      in: 'cookie',
      name: SESSION_COOKIE,
      description:
        'The web page’s session, set by createSession (HttpOnly, Secure). Writes with it also need the X-CSRF-Token header.',
    },
    [SECURITY_SCHEMES.csrfToken]: {
      type: 'apiKey',
      in: 'header',
      name: 'X-CSRF-Token',
      description:
        'The session’s CSRF token, answered by getSession: required on every write made with the session cookie or the sign-in proxy.',
    },
  }
  const proxy = settings.proxy
  if (proxy) {
    schemes[SECURITY_SCHEMES.proxyUser] = {
      type: 'apiKey',
      in: 'header',
      name: proxy.userHeader,
      description: `Single sign-on through the trusted proxy: it names the signed-in user in ${proxy.userHeader}${proxy.roleHeader ? ` and the role in ${proxy.roleHeader}` : ''} (default role ${proxy.defaultRole}). Believed only together with the proxy secret.`,
    }
    schemes[SECURITY_SCHEMES.proxySecret] = {
      type: 'apiKey',
      in: 'header',
      name: PROXY_SECRET_HEADER,
      description: 'The sign-in proxy’s shared secret (AUTH_PROXY_SECRET), which only the proxy may send.',
    }
  }
  return schemes
}

/** Who may call an operation: a token, the session (plus the CSRF token on writes), or the proxy. */
function requirements(settings: AuthSettings, write: boolean, role: Role | 'public'): SecurityRequirement[] {
  const withCsrf = (req: SecurityRequirement): SecurityRequirement =>
    write ? { ...req, [SECURITY_SCHEMES.csrfToken]: [] } : req
  const ways: SecurityRequirement[] = [
    { [SECURITY_SCHEMES.apiToken]: [] },
    withCsrf({ [SECURITY_SCHEMES.sessionCookie]: [] }),
  ]
  if (settings.proxy)
    ways.push(withCsrf({ [SECURITY_SCHEMES.proxyUser]: [], [SECURITY_SCHEMES.proxySecret]: [] }))
  // `{}` first: anyone may call it; the others still say who the caller is.
  return role === 'public' ? [{}, ...ways] : ways
}

function roleSentence(role: Role | 'public'): string {
  return role === 'public'
    ? 'Needs no sign-in (required role: none).'
    : `Required role: ${role} (or above: ${ROLE_ORDER}); other callers get 401 UNAUTHENTICATED or 403 ACCESS_DENIED.`
}

/**
 * Adds sign-in to the generated OpenAPI document: the security schemes, and on every
 * `/api/v1/<name>` operation its `security`, its role as `x-required-role` and a sentence
 * saying so. The role comes from operation-roles.ts, the same function the server asks on
 * every request, so the document cannot say other than what is enforced.
 */
export function documentSecurity(doc: OpenApiDocument, settings: AuthSettings): OpenApiDocument {
  const paths: Record<string, PathItem> = {}
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    if (!path.startsWith(OPERATION_PREFIX)) {
      paths[path] = item
      continue
    }
    const role = requiredRole(path.slice(OPERATION_PREFIX.length))
    const next: PathItem = { ...item }
    for (const method of METHODS) {
      const op = item[method]
      if (!op) continue
      next[method] = {
        ...op,
        description: [op.description, roleSentence(role)].filter(Boolean).join('\n\n'),
        security: requirements(settings, method !== 'get', role),
        'x-required-role': role,
      }
    }
    paths[path] = next
  }
  const signInNote =
    settings.mode === 'off'
      ? ' Sign-in is off on this server (it listens on this machine only): every caller is the local operator, with every role.'
      : ` Sign-in is required: each operation says how (security) and which role it needs (x-required-role; ${ROLE_ORDER}).`
  return {
    ...doc,
    info: { ...doc.info, description: `${doc.info.description ?? ''}${signInNote}` },
    paths,
    components: {
      ...doc.components,
      securitySchemes: { ...doc.components?.securitySchemes, ...securitySchemes(settings) },
    },
  }
}
