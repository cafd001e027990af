import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createCredentialCipher, CredentialDecryptError, isEncrypted, KEY_FILE, loadCredentialsKey } from './credentials-crypto'

describe('credential cipher', () => {
  const cipher = createCredentialCipher(randomBytes(32))

  it('round-trips, with a fresh IV each time', () => {
    const a = cipher.encrypt('s3cret pässword', 'cri-a')
    const b = cipher.encrypt('s3cret pässword', 'cri-a')
    expect(isEncrypted(a)).toBe(true)
    expect(a).not.toBe(b)
    expect(a).not.toContain('s3cret')
    expect(cipher.decrypt(a, 'cri-a')).toBe('s3cret pässword')
  })

  it('does not open a value moved to another instance, tampered with, or under another key', () => {
    const value = cipher.encrypt('pw', 'cri-a')
    expect(() => cipher.decrypt(value, 'cri-b')).toThrow(CredentialDecryptError)
    const tampered = value.slice(0, -4) + (value.endsWith('AAA=') ? 'BBB=' : 'AAA=')
    expect(() => cipher.decrypt(tampered, 'cri-a')).toThrow(CredentialDecryptError)
    expect(() => createCredentialCipher(randomBytes(32)).decrypt(value, 'cri-a')).toThrow(/cannot be decrypted/)
    expect(() => cipher.decrypt('plain text', 'cri-a')).toThrow(CredentialDecryptError)
  })

  it('refuses keys that are not 32 bytes', () => {
    expect(() => createCredentialCipher(randomBytes(16))).toThrow(/32 bytes/)
  })
})

describe('loadCredentialsKey', () => {
  it('prefers the configured key, else writes one key file (0600) and keeps reading it', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'layerscope-key-'))
    try {
      const configured = randomBytes(32)
      expect(await loadCredentialsKey({ configured, dataDir: dir })).toEqual({ key: configured, source: 'env' })
      const first = await loadCredentialsKey({ dataDir: dir })
      const second = await loadCredentialsKey({ dataDir: dir })
      expect(first.source).toBe('file')
      expect(second.key.equals(first.key)).toBe(true)
      expect((await fs.stat(path.join(dir, KEY_FILE))).mode & 0o777).toBe(0o600)
      const memory = await loadCredentialsKey({ database: 'postgres://db/x#t1' })
      expect((await loadCredentialsKey({ database: 'postgres://db/x#t1' })).key.equals(memory.key)).toBe(true)
      expect((await loadCredentialsKey({ database: 'postgres://db/x#t2' })).key.equals(memory.key)).toBe(false)
      await fs.writeFile(path.join(dir, KEY_FILE), 'short\n')
      await expect(loadCredentialsKey({ dataDir: dir })).rejects.toThrow(/base64 32-byte key/)
    } finally {
      await fs.rm(dir, { recursive: true, force: true })
    }
  })
})
