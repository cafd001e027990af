import { zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { readZipEntries, unsafeEntryName, ZipReadError, type ZipEntry } from './read-zip'

const text = (s: string) => new TextEncoder().encode(s)

/** The bytes in chunks of `size`, as a download or a file stream would deliver them. */
async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) {
    // Each chunk arrives in a later turn of the event loop, as from a socket.
    await Promise.resolve()
    yield bytes.subarray(i, i + size)
  }
}

async function read(zip: Uint8Array, maxEntryBytes = 1024 * 1024, chunkSize = 4096): Promise<ZipEntry[]> {
  const out: ZipEntry[] = []
  for await (const e of readZipEntries(chunked(zip, chunkSize), { maxEntryBytes })) out.push(e)
  return out
}

const decoded = (entries: ZipEntry[]) => entries.map((e) => ('bytes' in e ? { name: e.name, text: new TextDecoder().decode(e.bytes) } : e))

describe('readZipEntries', () => {
  it('yields the .json entries of deflated and stored zips, in any chunking, and skips the rest', async () => {
    const big = JSON.stringify({ id: 'BIG-1', pad: 'x'.repeat(100_000) })
    const zip = zipSync({
      'npm/': new Uint8Array(0),
      'npm/GHSA-1.json': [text('{"id":"GHSA-1"}'), { level: 6 }],
      'npm/STORED.json': [text('{"id":"STORED"}'), { level: 0 }],
      'npm/BIG.json': text(big),
      'README.md': text('not a record'),
    })
    for (const size of [1, 7, 4096, zip.length]) {
      const entries = decoded(await read(zip, 1024 * 1024, size))
      expect(entries).toEqual([
        { name: 'npm/GHSA-1.json', text: '{"id":"GHSA-1"}' },
        { name: 'npm/STORED.json', text: '{"id":"STORED"}' },
        { name: 'npm/BIG.json', text: big },
      ])
    }
  })

  it('rejects entries that escape with ".." or an absolute path, and reads the others', async () => {
    const zip = zipSync({ '../evil.json': text('{}'), '/etc/abs.json': text('{}'), 'a/../../b.json': text('{}'), 'ok.json': text('{"ok":1}') })
    expect(decoded(await read(zip))).toEqual([
      { name: '../evil.json', error: 'the name contains a ".." segment' },
      { name: '/etc/abs.json', error: 'the name is an absolute path' },
      { name: 'a/../../b.json', error: 'the name contains a ".." segment' },
      { name: 'ok.json', text: '{"ok":1}' },
    ])
  })

  it('stops inflating an entry at the size bound (a zip bomb) and goes on with the next', async () => {
    const zip = zipSync({ 'bomb.json': new Uint8Array(5_000_000), 'after.json': text('{"id":"A"}') })
    expect(zip.length).toBeLessThan(20_000)
    expect(decoded(await read(zip, 64 * 1024))).toEqual([
      { name: 'bomb.json', error: `the entry inflates to more than ${64 * 1024} bytes` },
      { name: 'after.json', text: '{"id":"A"}' },
    ])
  })

  it('keeps what it read before a truncated archive fails, then throws', async () => {
    const zip = zipSync({ 'a.json': [text('{"id":"A"}'), { level: 0 }], 'b.json': [text(JSON.stringify({ pad: 'y'.repeat(50_000) })), { level: 0 }] })
    const cut = zip.subarray(0, zip.length - 30_000)
    const seen: string[] = []
    await expect(async () => {
      for await (const e of readZipEntries(chunked(cut, 1000), { maxEntryBytes: 1024 * 1024 })) seen.push(e.name)
    }).rejects.toThrow(ZipReadError)
    expect(seen).toEqual(['a.json'])
  })

  it('names unsafe entry names', () => {
    expect(unsafeEntryName('npm/GHSA-x.json')).toBeUndefined()
    expect(unsafeEntryName('C:\\x.json')).toBe('the name is an absolute path')
    expect(unsafeEntryName('a\\..\\b.json')).toBe('the name contains a ".." segment')
    expect(unsafeEntryName('a..b.json')).toBeUndefined()
  })
})
