import { randomBytes } from 'node:crypto'

/** How the test registry wants to be spoken to. */
export type TestAuth =
  | { mode: 'none' }
  | { mode: 'basic'; username: string; password: string }
  | {
      mode: 'bearer'
      username: string
      password: string
      /** Whether the token service hands anonymous callers pull tokens. */
      anonymousPull?: boolean
      /** Which field the token comes in (both exist in the wild). */
      tokenField?: 'token' | 'access_token'
      expiresIn?: number
    }

/** What a request needs: a token scope such as `repository:demo/app:pull`. */
export interface NeededScope {
  type: 'repository' | 'registry'
  name: string
  action: string
}

export const SERVICE = 'test-registry'

const basicOf = (u: string, p: string) => `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`

/**
 * The registry side of Basic and Docker-token authentication: checks Authorization
 * against the mode, issues tokens from a `/token` realm (credentials and scopes
 * checked, grants recorded) and builds 401 challenges.
 *
 * @example
 * registry.authority.tokenRequests // [{ scopes: ['repository:demo/app:pull'], authenticated: true, … }]
 */
export class TestAuthority {
  private tokens = new Map<string, { grants: Set<string>; expiresAt: number }>()
  readonly tokenRequests: { scopes: string[]; authenticated: boolean; granted: string[] }[] = []

  constructor(
    public auth: TestAuth,
    private realm: () => string,
  ) {}

  /** Null when allowed; otherwise the 401 to send. */
  check(authorization: string | undefined, need: NeededScope | null): Response | null {
    const auth = this.auth
    if (auth.mode === 'none') return null
    if (auth.mode === 'basic') {
      if (authorization === basicOf(auth.username, auth.password)) return null
      return unauthorized('Basic realm="test-registry"')
    }
    const token = authorization?.startsWith('Bearer ') ? this.tokens.get(authorization.slice(7)) : undefined
    const scope = need ? `${need.type}:${need.name}:${need.action}` : undefined
    if (token && token.expiresAt > Date.now() && (!scope || token.grants.has(scope))) return null
    const params = [`realm="${this.realm()}"`, `service="${SERVICE}"`]
    if (need) params.push(`scope="${need.type}:${need.name}:${need.action === 'push' ? 'pull,push' : need.action}"`)
    if (token) params.push('error="insufficient_scope"')
    return unauthorized(`Bearer ${params.join(',')}`)
  }

  /** GET /token?service=…&scope=… */
  issue(authorization: string | undefined, url: URL): Response {
    const auth = this.auth
    if (auth.mode !== 'bearer') return new Response('no token service', { status: 404 })
    if (url.searchParams.get('service') !== SERVICE) return Response.json({ details: 'unknown service' }, { status: 400 })
    const authenticated = authorization === basicOf(auth.username, auth.password)
    const scopes = url.searchParams.getAll('scope')
    if (!authenticated && (authorization !== undefined || !auth.anonymousPull)) {
      this.tokenRequests.push({ scopes, authenticated, granted: [] })
      return Response.json({ details: 'invalid credentials' }, { status: 401 })
    }
    const grants = new Set<string>()
    for (const scope of scopes) {
      const [type, name, actions = ''] = scope.split(':')
      for (const action of actions.split(',')) {
        // Anonymous callers may pull; only a signed-in user may push or list the catalog.
        if (authenticated || (type === 'repository' && action === 'pull')) grants.add(`${type}:${name}:${action}`)
      }
    }
    this.tokenRequests.push({ scopes, authenticated, granted: [...grants] })
    const token = randomBytes(16).toString('hex')
    const expiresIn = auth.expiresIn ?? 300
    this.tokens.set(token, { grants, expiresAt: Date.now() + expiresIn * 1000 })
    return Response.json({ [auth.tokenField ?? 'token']: token, expires_in: expiresIn, issued_at: new Date().toISOString() })
  }
}

function unauthorized(challenge: string): Response {
  return Response.json({ errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] }, { status: 401, headers: { 'www-authenticate': challenge } })
}
