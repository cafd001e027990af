import path from 'node:path'
import { z } from 'zod'
import { roles } from '@contract/auth'
import { isLoopbackHost } from './auth/loopback'
import { parseFrameAncestors, type FrameAncestors } from './http/security-headers'
import { parseAccessKeys, type AccessKeys } from './wire/acr/access-keys'
import { parseApiTokens, type ApiTokens } from './wire/stackrox/api-tokens'

/**
 * The only place that reads process.env (lint enforces it). Everything else receives a
 * parsed `Env`, so a wrong setting fails at start with a message naming the variable.
 */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** Create the "demo" instance from the bundled demo images on a fresh database. */
  DEMO: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  /** Where the built SPA is served from. */
  STATIC_DIR: z.string().default('./dist'),
  /** PostgreSQL schema for every table (with DATABASE_URL); default the connection's search_path. */
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/, 'must be a lower-case SQL identifier')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Scans run at once by this process (`npm start` and `npm run worker`); 0 runs none. */
  SCAN_WORKERS: z.coerce.number().int().min(0).max(64).default(2),
  /** Attempts a scan gets when it keeps failing with transient errors (registry 429/5xx, unreachable). */
  SCAN_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(5),
  /** A worker's hold on a task; a worker killed mid-scan loses its task to another after this long. */
  SCAN_LEASE_SECONDS: z.coerce.number().min(1).max(3600).default(30),
  /** How often idle workers look for queued tasks. */
  SCAN_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  /** First retry delay; it doubles per attempt up to SCAN_RETRY_MAX_SECONDS. */
  SCAN_RETRY_BASE_SECONDS: z.coerce.number().min(0.01).max(3600).default(5),
  SCAN_RETRY_MAX_SECONDS: z.coerce.number().min(0.01).max(86_400).default(300),
  /** How often the server looks for instances due a poll and for a new advisory import to rescan for. */
  TRIGGER_CHECK_SECONDS: z.coerce.number().min(1).max(3600).default(15),
  /** clamd's socket for the malicious-file scan (passed through to the engine when it uses one). */
  CLAMD_SOCKET: z.string().optional(),
  /** Hash lists and content signatures for the malicious-file scan. */
  SIGNATURES_DIR: z.string().default('./signatures'),
  /** Who may frame the app (CSP frame-ancestors): `none`, or `'self'` and/or origins, space- or comma-separated. */
  EMBED_ALLOWED_ORIGINS: z
    .string()
    .default("'self'")
    .transform((raw, ctx): FrameAncestors => {
      const parsed = parseFrameAncestors(raw)
      if ('value' in parsed) return parsed.value
      for (const message of parsed.errors) ctx.addIssue({ code: 'custom', message })
      return z.NEVER
    }),
  /** ACR-compatible endpoint (/acr): `id:secret` access keys, comma-separated. Unset: the endpoint answers that it is disabled. */
  ACR_WIRE_ACCESS_KEYS: optionalText(z.string()).transform((raw, ctx): AccessKeys | undefined => {
    if (raw === undefined) return undefined
    const parsed = parseAccessKeys(raw)
    if ('value' in parsed) return parsed.value
    for (const message of parsed.errors) ctx.addIssue({ code: 'custom', message })
    return z.NEVER
  }),
  /** StackRox-compatible endpoint (POST /v1/images/scan): API tokens, comma-separated. Unset: disabled. */
  STACKROX_WIRE_TOKENS: optionalText(z.string()).transform((raw, ctx): ApiTokens | undefined => {
    if (raw === undefined) return undefined
    const parsed = parseApiTokens(raw)
    if ('value' in parsed) return parsed.value
    for (const message of parsed.errors) ctx.addIssue({ code: 'custom', message })
    return z.NEVER
  }),
  /** auto: sign-in off while HOST is loopback, required otherwise; required; off (refused unless HOST is loopback). */
  AUTH_MODE: z.enum(['auto', 'required', 'off']).default('auto'),
  /** Trusted sign-in proxy: the request header carrying the signed-in user's name (with AUTH_PROXY_SECRET). */
  AUTH_PROXY_HEADER: optionalText(z.string().regex(/^[A-Za-z0-9-]+$/, 'must be an HTTP header name')),
  /** What the proxy sends in X-Auth-Proxy-Secret to prove a request came through it; at least 32 characters. */
  AUTH_PROXY_SECRET: optionalText(z.string().min(32, 'must be at least 32 characters')),
  /** Optional header in which the proxy names the user's role (viewer, operator, approver, admin). */
  AUTH_PROXY_ROLE_HEADER: optionalText(z.string().regex(/^[A-Za-z0-9-]+$/, 'must be an HTTP header name')),
  /** Role of proxy users when the proxy names none. */
  AUTH_PROXY_DEFAULT_ROLE: z.enum(roles).default('viewer'),
  /** How long a sign-in lasts (never longer than its token). */
  SESSION_TTL_HOURS: z.coerce.number().min(0.01).max(720).default(12),
  /** AES-256-GCM key for registry passwords at rest: base64 of 32 bytes. Unset: DATA_DIR/credentials.key. */
  CREDENTIALS_KEY: optionalText(z.string()).transform((raw, ctx) => {
    if (raw === undefined) return undefined
    const key = Buffer.from(raw, 'base64')
    if (key.length !== 32 || !/^[A-Za-z0-9+/]+={0,2}$/.test(raw)) {
      ctx.addIssue({ code: 'custom', message: 'must be base64 of exactly 32 bytes (e.g. openssl rand -base64 32)' })
      return z.NEVER
    }
    return key
  }),
  /**
   * Alibaba Cloud's standard AccessKey variables: ACR instances added without an AccessKey
   * of their own sign with these. Set both or neither.
   */
  ALIBABA_CLOUD_ACCESS_KEY_ID: optionalText(z.string()),
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: optionalText(z.string()),
})

export type Env = z.infer<typeof envSchema> & { dataDir: string; staticDir: string; signaturesDir: string }

function optionalText<T extends z.ZodType<string>>(schema: T) {
  return schema.optional().or(z.literal('').transform(() => undefined))
}

/** Settings that are only wrong together: each message names the variables. */
function crossFieldIssues(env: z.infer<typeof envSchema>): string[] {
  const issues: string[] = []
  if (env.AUTH_MODE === 'off' && !isLoopbackHost(env.HOST)) {
    issues.push(`AUTH_MODE: "off" is only allowed while HOST is a loopback address (127.0.0.1, ::1, localhost), not ${env.HOST}`)
  }
  if (Boolean(env.AUTH_PROXY_HEADER) !== Boolean(env.AUTH_PROXY_SECRET)) {
    issues.push('AUTH_PROXY_HEADER and AUTH_PROXY_SECRET: set both (the proxy proves itself with the secret) or neither')
  }
  if (env.AUTH_PROXY_ROLE_HEADER && !env.AUTH_PROXY_HEADER) issues.push('AUTH_PROXY_ROLE_HEADER: needs AUTH_PROXY_HEADER and AUTH_PROXY_SECRET')
  return issues
}

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const crossField = crossFieldIssues(parsed.data)
  if (crossField.length) throw new Error(`Invalid configuration:\n${crossField.map((l) => `  ${l}`).join('\n')}`)
  return {
    ...parsed.data,
    dataDir: path.resolve(parsed.data.DATA_DIR),
    staticDir: path.resolve(parsed.data.STATIC_DIR),
    signaturesDir: path.resolve(parsed.data.SIGNATURES_DIR),
  }
}

/** The wire endpoints' keys an Env gives (boot's `wire` option; server/wire/). */
export function wireSettings(env: Env) {
  return { acr: { accessKeys: env.ACR_WIRE_ACCESS_KEYS }, stackrox: { tokens: env.STACKROX_WIRE_TOKENS } }
}

/** The scan worker settings an Env gives (server/scans/scan-workers.ts). */
/** What the ACR and StackRox providers take from the environment. */
export function providerSettings(env: Env) {
  const id = env.ALIBABA_CLOUD_ACCESS_KEY_ID
  const secret = env.ALIBABA_CLOUD_ACCESS_KEY_SECRET
  return { acr: { envAccessKey: id && secret ? { id, secret } : null } }
}

export function scanSettings(env: Env) {
  return {
    concurrency: env.SCAN_WORKERS,
    maxAttempts: env.SCAN_MAX_ATTEMPTS,
    leaseMs: Math.round(env.SCAN_LEASE_SECONDS * 1000),
    pollMs: env.SCAN_POLL_MS,
    retryBaseMs: Math.round(env.SCAN_RETRY_BASE_SECONDS * 1000),
    retryMaxMs: Math.round(env.SCAN_RETRY_MAX_SECONDS * 1000),
    triggerCheckMs: Math.round(env.TRIGGER_CHECK_SECONDS * 1000),
    malware: { signaturesDir: env.signaturesDir, clamdSocket: env.CLAMD_SOCKET },
  }
}

const cliEnvSchema = z.object({
  DATA_DIR: envSchema.shape.DATA_DIR,
  DATABASE_URL: envSchema.shape.DATABASE_URL,
  DATABASE_SCHEMA: envSchema.shape.DATABASE_SCHEMA,
  /** Registry credentials for `npm run scan`, so a password need not sit in shell history. */
  REGISTRY_USERNAME: z.string().optional(),
  REGISTRY_PASSWORD: z.string().optional(),
  /** `npm run token` names its user as the creator of the tokens it makes. */
  USER: z.string().optional(),
})

export type CliEnv = z.infer<typeof cliEnvSchema> & { dataDir: string }

/** The settings the command-line tools read: the same database as the server, plus registry credentials. */
export function loadCliEnv(source: NodeJS.ProcessEnv = process.env): CliEnv {
  const parsed = cliEnvSchema.safeParse(source)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`)
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.DATA_DIR) }
}
