import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { Db } from '../db/database'

/**
 * Registry passwords are stored encrypted with AES-256-GCM. The key comes from
 * CREDENTIALS_KEY (base64, 32 bytes) or, for the embedded default, from a key file in
 * DATA_DIR written once with mode 0600. Each value is bound to its instance id (GCM's
 * additional data), so a ciphertext copied onto another row does not decrypt.
 */

const PREFIX = 'enc:v1:'
const FORMAT = /^enc:v1:([A-Za-z0-9+/=]+):([A-Za-z0-9+/=]+):([A-Za-z0-9+/=]*)$/
export const KEY_FILE = 'credentials.key'

export interface CredentialCipher {
  encrypt(plain: string, instanceId: string): string
  decrypt(stored: string, instanceId: string): string
}

export class CredentialDecryptError extends Error {
  constructor(instanceId: string) {
    super(`The stored registry password of instance ${instanceId} cannot be decrypted with the current credentials key (CREDENTIALS_KEY or DATA_DIR/${KEY_FILE}).`)
    this.name = 'CredentialDecryptError'
  }
}

export function isEncrypted(value: string): boolean {
  return FORMAT.test(value)
}

export function createCredentialCipher(key: Buffer): CredentialCipher {
  if (key.length !== 32) throw new Error('The credentials key must be 32 bytes.')
  return {
    encrypt(plain, instanceId) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      cipher.setAAD(Buffer.from(`instance:${instanceId}`))
      const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return `${PREFIX}${iv.toString('base64')}:${cipher.getAuthTag().toString('base64')}:${ct.toString('base64')}`
    },
    decrypt(stored, instanceId) {
      const m = FORMAT.exec(stored)
      if (!m) throw new CredentialDecryptError(instanceId)
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(m[1] ?? '', 'base64'))
        decipher.setAAD(Buffer.from(`instance:${instanceId}`))
        decipher.setAuthTag(Buffer.from(m[2] ?? '', 'base64'))
        return Buffer.concat([decipher.update(Buffer.from(m[3] ?? '', 'base64')), decipher.final()]).toString('utf8')
      } catch {
        throw new CredentialDecryptError(instanceId)
      }
    },
  }
}

// Keys of databases booted without a data directory, by database: the same process
// reopening the same database (a restart in tests) must read what it wrote.
const processKeys = new Map<string, Buffer>()

/**
 * The key to use: the configured one, else DATA_DIR's key file (created on first use),
 * else (no data directory, as in tests) a key that lives as long as the process, one per
 * `database` (its URL and schema).
 */
export async function loadCredentialsKey(opts: { configured?: Buffer | undefined; dataDir?: string | undefined; database?: string }): Promise<{ key: Buffer; source: 'env' | 'file' | 'memory' }> {
  if (opts.configured) return { key: opts.configured, source: 'env' }
  if (!opts.dataDir) {
    const scope = opts.database ?? 'memory'
    const key = processKeys.get(scope) ?? randomBytes(32)
    processKeys.set(scope, key)
    return { key, source: 'memory' }
  }
  const file = path.join(opts.dataDir, KEY_FILE)
  await fs.mkdir(opts.dataDir, { recursive: true })
  const fresh = randomBytes(32).toString('base64')
  try {
    // 'wx' never overwrites: two processes starting at once agree on the first key written.
    await fs.writeFile(file, `${fresh}\n`, { mode: 0o600, flag: 'wx' })
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
  }
  const key = Buffer.from((await fs.readFile(file, 'utf8')).trim(), 'base64')
  if (key.length !== 32) throw new Error(`${file} does not hold a base64 32-byte key; restore it, or set CREDENTIALS_KEY.`)
  return { key, source: 'file' }
}

// The cipher travels with the database handle, so every reader of stored connections
// (sync runner, scan workers) decrypts without each being handed the key.
const ciphers = new WeakMap<object, CredentialCipher>()

export function bindCredentialCipher(db: Db, cipher: CredentialCipher): void {
  ciphers.set(db, cipher)
}

export function credentialCipherFor(db: Db): CredentialCipher {
  const cipher = ciphers.get(db)
  if (!cipher) throw new Error('No credentials key is bound to this database handle (boot binds one).')
  return cipher
}

/**
 * Encrypts every password still stored in plain text (rows written before encryption
 * existed). Idempotent: run at every start, it only touches plain values. Answers the
 * ids of instances whose ciphertext the key cannot open, so start-up can say so.
 */
export async function encryptStoredPasswords(db: Db, cipher: CredentialCipher): Promise<{ encrypted: number; undecryptable: string[] }> {
  const rows = await db.selectFrom('instances').select(['id', 'password']).where('password', 'is not', null).where('password', '<>', '').execute()
  let encrypted = 0
  const undecryptable: string[] = []
  for (const row of rows) {
    const value = row.password ?? ''
    if (isEncrypted(value)) {
      try {
        cipher.decrypt(value, row.id)
      } catch {
        undecryptable.push(row.id)
      }
      continue
    }
    // Guarded by the old value, so a concurrent writer's new password is not overwritten.
    await db.updateTable('instances').set({ password: cipher.encrypt(value, row.id) }).where('id', '=', row.id).where('password', '=', value).execute()
    encrypted++
  }
  return { encrypted, undecryptable }
}
