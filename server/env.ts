import path from 'node:path'
import { z } from 'zod'

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
})

export type Env = z.infer<typeof envSchema> & { dataDir: string; staticDir: string }

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
