import { describe, expect, it } from 'vitest'
import { parseTar } from './tar-test-utils'
import { createTar, FIXED_MTIME } from './tar-writer'

describe('createTar', () => {
  it('writes files, directories and links that node-tar reads back entry by entry', async () => {
    const entries = await parseTar(
      createTar([
        { path: 'etc/', type: 'dir' },
        { path: 'etc/os-release', content: 'ID=ubuntu\n' },
        { path: 'usr/local/bin/helper', content: Buffer.from([0x7f, 0x45, 0x4c, 0x46]), mode: 0o4755, uid: 1000, gid: 50, uname: 'app', gname: 'staff' },
        { path: 'tmp/', type: 'dir', mode: 0o1777 },
        { path: 'etc/localtime', type: 'symlink', linkname: '/usr/share/zoneinfo/Etc/UTC' },
        { path: 'usr/bin/sh', type: 'hardlink', linkname: 'usr/bin/dash' },
        { path: 'dev/null', type: 'chardev', devmajor: 1, devminor: 3, mode: 0o666 },
      ]),
    )
    expect(entries.map((e) => [e.path, e.type, e.mode])).toEqual([
      ['etc/', 'Directory', 0o755],
      ['etc/os-release', 'File', 0o644],
      ['usr/local/bin/helper', 'File', 0o4755],
      ['tmp/', 'Directory', 0o1777],
      ['etc/localtime', 'SymbolicLink', 0o777],
      ['usr/bin/sh', 'Link', 0o644],
      ['dev/null', 'CharacterDevice', 0o666],
    ])
    expect(entries[1]?.body.toString()).toBe('ID=ubuntu\n')
    expect(entries[2]).toMatchObject({ uid: 1000, gid: 50, uname: 'app', body: Buffer.from([0x7f, 0x45, 0x4c, 0x46]) })
    expect(entries[4]?.linkpath).toBe('/usr/share/zoneinfo/Etc/UTC')
    expect(entries[5]?.linkpath).toBe('usr/bin/dash')
    expect(entries.every((e) => e.mtime?.getTime() === FIXED_MTIME.getTime())).toBe(true)
  })

  it('carries names and link targets longer than 100 bytes in pax headers', async () => {
    const deep = `${'very-deep-directory/'.repeat(12)}package.json`
    const target = `../${'x'.repeat(150)}`
    const entries = await parseTar(createTar([{ path: deep, content: '{}' }, { path: 'link', type: 'symlink', linkname: target }, { path: 'naïve-ünïcödé.txt', content: 'ü' }]))
    expect(entries.map((e) => e.path)).toEqual([deep, 'link', 'naïve-ünïcödé.txt'])
    expect(entries[0]?.body.toString()).toBe('{}')
    expect(entries[1]?.linkpath).toBe(target)
    expect(entries[2]?.body.toString()).toBe('ü')
  })

  it('gets the pax record length right where adding its digits adds a digit', async () => {
    // " path=<name>\n" plus its length: 996 bytes + 3 digits is 999, but 997 + 3 is 1000,
    // which needs a fourth digit. Names of 987 to 992 bytes straddle that step.
    const names = [101, 987, 988, 989, 990, 991, 992].map((n) => `d/${'p'.repeat(n - 2)}`)
    const entries = await parseTar(createTar(names.map((path) => ({ path, content: '' }))))
    expect(entries.map((e) => e.path)).toEqual(names)
  })

  it('writes hostile names exactly as given, without normalising them', async () => {
    const names = ['../../etc/passwd', '/etc/shadow', './a/../../b', 'a//b', 'dir-without-slash']
    const entries = await parseTar(createTar(names.map((path) => ({ path, content: 'x' }))))
    expect(entries.map((e) => e.path)).toEqual(names)
  })

  it('is deterministic and ends with two zero blocks', () => {
    const entries = [{ path: 'a/', type: 'dir' as const }, { path: 'a/b', content: 'b'.repeat(700) }]
    const tar = createTar(entries)
    expect(tar.equals(createTar(entries))).toBe(true)
    expect(tar.length % 512).toBe(0)
    expect(tar.subarray(-1024).every((b) => b === 0)).toBe(true)
  })

  it('refuses content on an entry that cannot carry it', () => {
    expect(() => createTar([{ path: 'd/', type: 'dir', content: 'oops' }])).toThrow(/only files carry content/)
  })
})
