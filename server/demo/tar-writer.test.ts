import { Readable } from 'node:stream'
import { Parser, type ReadEntry } from 'tar'
import { describe, expect, it } from 'vitest'
import { createTar } from './tar-writer'

async function parse(buf: Buffer) {
  const out: { path: string; type: string; mode: number | undefined; linkpath: string | undefined; body: string }[] = []
  await new Promise<void>((resolve, reject) => {
    const parser = new Parser({
      onReadEntry: (entry: ReadEntry) => {
        const chunks: Buffer[] = []
        entry.on('data', (c: Buffer) => chunks.push(c))
        entry.on('end', () => out.push({ path: entry.path, type: entry.type, mode: entry.mode, linkpath: entry.linkpath, body: Buffer.concat(chunks).toString() }))
      },
    })
    parser.on('end', () => resolve())
    parser.on('error', reject)
    Readable.from([buf]).pipe(parser)
  })
  return out
}

describe('createTar', () => {
  it('writes files, directories, links and long names that node-tar reads back', async () => {
    const long = `a/${'b'.repeat(150)}/file.txt`
    const entries = await parse(
      createTar([
        { path: 'etc', type: 'dir' },
        { path: 'etc/os-release', content: 'ID=ubuntu\n' },
        { path: 'usr/bin/helper', content: 'x', mode: 0o4755 },
        { path: 'lib/link', type: 'symlink', linkname: '../etc/os-release' },
        { path: 'lib/hard', type: 'hardlink', linkname: 'etc/os-release' },
        { path: long, content: 'deep' },
      ]),
    )
    expect(entries.map((e) => [e.path, e.type])).toEqual([
      ['etc/', 'Directory'],
      ['etc/os-release', 'File'],
      ['usr/bin/helper', 'File'],
      ['lib/link', 'SymbolicLink'],
      ['lib/hard', 'Link'],
      [long, 'File'],
    ])
    expect(entries[1]?.body).toBe('ID=ubuntu\n')
    expect(entries[2]?.mode).toBe(0o4755)
    expect(entries[3]?.linkpath).toBe('../etc/os-release')
    expect(entries[5]?.body).toBe('deep')
  })

  it('is deterministic', () => {
    const e = [{ path: 'a', content: 'b' }]
    expect(createTar(e).equals(createTar(e))).toBe(true)
  })
})
