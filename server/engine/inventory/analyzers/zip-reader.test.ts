import { describe, expect, it } from 'vitest'
import { centralEntries, zip, zip64Stored } from './testing/zip-fixtures'
import { readZipDirectory, readZipEntry, ZipError, ZipLimitError } from './zip-reader'

const text = (b: Uint8Array) => Buffer.from(b).toString()

describe('zip reader', () => {
  it('lists entries and reads stored and deflated ones', () => {
    const archive = zip({ 'META-INF/MANIFEST.MF': 'Manifest-Version: 1.0\r\n\r\n', 'lib/inner.jar': 'stored bytes', 'a/': new Uint8Array(0) }, ['lib/inner.jar', 'a/'])
    const entries = readZipDirectory(archive, 100)
    expect(entries.map((e) => [e.name, e.method])).toEqual([
      ['META-INF/MANIFEST.MF', 8],
      ['lib/inner.jar', 0],
      ['a/', 0],
    ])
    expect(text(readZipEntry(archive, entries[0]!, 1000))).toBe('Manifest-Version: 1.0\r\n\r\n')
    expect(text(readZipEntry(archive, entries[1]!, 1000))).toBe('stored bytes')
  })

  it('reads a zip with a launch script in front (an executable Spring Boot jar)', () => {
    const archive = Buffer.concat([Buffer.from('#!/bin/bash\n# launch script\nexec java -jar "$0" "$@"\n'), zip({ 'x.txt': 'hello' })])
    const [entry] = readZipDirectory(archive, 10)
    expect(text(readZipEntry(archive, entry!, 100))).toBe('hello')
  })

  it('reads ZIP64 records and extra fields', () => {
    const archive = zip64Stored('META-INF/maven/g/a/pom.properties', 'version=1\n')
    const [entry] = readZipDirectory(archive, 10)
    expect(entry).toMatchObject({ name: 'META-INF/maven/g/a/pom.properties', size: 10, compressedSize: 10, localHeaderOffset: 0 })
    expect(text(readZipEntry(archive, entry!, 100))).toBe('version=1\n')
  })

  it('stops an entry that inflates past its declared size (a bomb) without inflating it all', () => {
    const archive = zip({ 'bomb.txt': new Uint8Array(2 * 1024 * 1024) })
    for (const at of centralEntries(archive)) archive.writeUInt32LE(1000, at + 24)
    const [entry] = readZipDirectory(archive, 10)
    const started = performance.now()
    expect(() => readZipEntry(archive, entry!, 10_000)).toThrow(ZipLimitError)
    expect(performance.now() - started).toBeLessThan(500)
  })

  it('refuses entries over the byte budget and directories over the entry cap', () => {
    const archive = zip({ 'a.txt': 'x'.repeat(5000), 'b.txt': 'y' })
    expect(() => readZipEntry(archive, readZipDirectory(archive, 10)[0]!, 4999)).toThrow(ZipLimitError)
    expect(() => readZipDirectory(archive, 1)).toThrow(ZipLimitError)
  })

  it('throws ZipError, and nothing else, on broken archives', () => {
    const good = zip({ 'META-INF/MANIFEST.MF': 'Manifest-Version: 1.0\r\n', 'x.class': new Uint8Array(300).fill(7) })
    expect(() => readZipDirectory(Buffer.from('not a zip at all, just some text'), 10)).toThrow(ZipError)
    expect(() => readZipDirectory(Buffer.alloc(5), 10)).toThrow(ZipError)
    const lyingOffset = Buffer.from(good)
    lyingOffset.writeUInt32LE(0x7fffffff, lyingOffset.length - 6)
    expect(() => readZipDirectory(lyingOffset, 10)).toThrow(ZipError)
    let seed = 7
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    for (let i = 0; i < 500; i++) {
      const bad = Buffer.from(good)
      for (let j = 0; j < 3; j++) bad[Math.floor(random() * bad.length)] = Math.floor(random() * 256)
      try {
        for (const e of readZipDirectory(bad, 100)) readZipEntry(bad, e, 1 << 20)
      } catch (err) {
        expect(err instanceof ZipError || err instanceof ZipLimitError).toBe(true)
      }
    }
  })
})
