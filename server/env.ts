import path from 'node:path'
import { z } from 'zod'
import { parseFrameAncestors, type FrameAncestors } from './http/security-headers'

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
})

export type Env = z.infer<typeof envSchema> & { dataDir: string; staticDir: string; signaturesDir: string }

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`)
  }
  return {
    ...parsed.data,
    dataDir: path.resolve(parsed.data.DATA_DIR),
    staticDir: path.resolve(parsed.data.STATIC_DIR),
    signaturesDir: path.resolve(parsed.data.SIGNATURES_DIR),
  }
}

/** The scan worker settings an Env gives (server/scans/scan-workers.ts). */
export function scanSettings(env: Env) {
  return {
    concurrency: env.SCAN_WORKERS,
    maxAttempts: env.SCAN_MAX_ATTEMPTS,
    leaseMs: Math.round(env.SCAN_LEASE_SECONDS * 1000),
    pollMs: env.SCAN_POLL_MS,
    retryBaseMs: Math.round(env.SCAN_RETRY_BASE_SECONDS * 1000),
    retryMaxMs: Math.round(env.SCAN_RETRY_MAX_SECONDS * 1000),
    malware: { signaturesDir: env.signaturesDir, clamdSocket: env.CLAMD_SOCKET },
  }
}

const cliEnvSchema = z.object({
  DATA_DIR: envSchema.shape.DATA_DIR,
  DATABASE_URL: envSchema.shape.DATABASE_URL,
  /** Registry credentials for `npm run scan`, so a password need not sit in shell history. */
  REGISTRY_USERNAME: z.string().optional(),
  REGISTRY_PASSWORD: z.string().optional(),
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
