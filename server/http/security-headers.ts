import type { MiddlewareHandler } from 'hono'
import { DOCS_STYLE_HASH } from './docs-page'

/**
 * Who may frame the app: `none` (embedding off), or CSP frame-ancestors sources
 * (`'self'` and/or origins such as `https://portal.example.com` or `https://*.example.com`).
 */
export type FrameAncestors = 'none' | string[]

export interface SecurityHeaderOptions {
  frameAncestors: FrameAncestors
}

export const DEFAULT_FRAME_ANCESTORS: FrameAncestors = ["'self'"]

// scheme://host[:port]; host is a DNS name (optionally `*.`-prefixed, as CSP allows), IPv4 or a bracketed IPv6 address.
const ORIGIN_RE = /^(https?):\/\/((?:\*\.)?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::(\d{1,5}))?$/i

/** Checks one frame-ancestors entry; returns it normalised (lower case) or an error message. */
export function parseOrigin(value: string): { origin: string } | { error: string } {
  if (value === "'self'" || value.toLowerCase() === 'self') return { origin: "'self'" }
  const m = ORIGIN_RE.exec(value)
  if (!m) {
    if (/^[a-z][a-z0-9+.-]*:\/\/[^/]+\/.*/i.test(value)) return { error: `"${value}" has a path; give only scheme://host[:port]` }
    if (value.includes('*')) return { error: `"${value}" has a wildcard; only a leading "*." subdomain form is allowed (https://*.example.com)` }
    return { error: `"${value}" is not an origin (scheme://host[:port], e.g. https://portal.example.com)` }
  }
  const port = m[3]
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return { error: `"${value}" has an invalid port` }
  return { origin: value.toLowerCase() }
}

/**
 * Parses EMBED_ALLOWED_ORIGINS: `none` (embedding off), or a space- or comma-separated list of
 * `'self'` and origins. Empty means the default, `'self'`.
 */
export function parseFrameAncestors(raw: string): { value: FrameAncestors } | { errors: string[] } {
  const items = raw
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean)
  if (items.length === 0) return { value: DEFAULT_FRAME_ANCESTORS }
  if (items.some((i) => i.toLowerCase() === 'none' || i.toLowerCase() === "'none'")) {
    return items.length === 1 ? { value: 'none' } : { errors: ['"none" cannot be combined with origins'] }
  }
  const origins: string[] = []
  const errors: string[] = []
  for (const item of items) {
    const r = parseOrigin(item)
    if ('error' in r) errors.push(r.error)
    else if (!origins.includes(r.origin)) origins.push(r.origin)
  }
  return errors.length ? { errors } : { value: origins }
}

export interface CspExtras {
  /** `'sha256-…'` sources for inline <style> elements of one page (the API docs page). */
  styleHashes?: string[]
}

/** The Content-Security-Policy for every response. */
export function buildCsp(opts: SecurityHeaderOptions, extras: CspExtras = {}): string {
  const styleHashes = extras.styleHashes ?? []
  const directives: [string, string][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'"],
    ['style-src', ["'self'", ...styleHashes].join(' ')],
    // React and Recharts set style attributes; that is all the inline styling allowed.
    ['style-src-attr', "'unsafe-inline'"],
    ['img-src', "'self' data:"],
    ['connect-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'self'"],
    ['frame-ancestors', opts.frameAncestors === 'none' ? "'none'" : opts.frameAncestors.join(' ')],
  ]
  return directives.map(([k, v]) => `${k} ${v}`).join('; ')
}

/** Every header this middleware sets, for a response to `path`. */
export function securityHeaderValues(opts: SecurityHeaderOptions, path: string): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': buildCsp(opts, path === '/api/docs' ? { styleHashes: [DOCS_STYLE_HASH] } : {}),
    'X-Content-Type-Options': 'nosniff',
    // Report URLs name images and findings: never send them to another origin.
    'Referrer-Policy': 'same-origin',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  }
  // X-Frame-Options cannot express an allowlist, so it is only sent when embedding is off.
  if (opts.frameAncestors === 'none') headers['X-Frame-Options'] = 'DENY'
  return headers
}

/** Sets the security headers on every response: API, SPA, static assets, docs and errors. */
export function securityHeaders(opts: SecurityHeaderOptions = { frameAncestors: DEFAULT_FRAME_ANCESTORS }): MiddlewareHandler {
  return async (c, next) => {
    await next()
    for (const [name, value] of Object.entries(securityHeaderValues(opts, c.req.path))) c.res.headers.set(name, value)
  }
}
