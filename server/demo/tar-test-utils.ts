import { Parser, type ReadEntry } from 'tar'

/** One entry as node-tar's streaming Parser (the reader the scan engine uses) sees it. */
export interface ParsedTarEntry {
  path: string
  type: string
  mode: number | undefined
  uid: number | undefined
  gid: number | undefined
  uname: string | undefined
  mtime: Date | undefined
  linkpath: string | undefined
  body: Buffer
}

/**
 * Reads a whole tar with node-tar's Parser, entry by entry, and fails on any warning, so
 * tests notice a header node-tar had to repair or skip.
 *
 * @example
 * const entries = await parseTar(createTar([{ path: 'a', content: 'b' }]))
 * entries[0]?.body.toString() // 'b'
 */
export function parseTar(tar: Buffer): Promise<ParsedTarEntry[]> {
  return new Promise((resolve, reject) => {
    const out: ParsedTarEntry[] = []
    const parser = new Parser({
      strict: true,
      onReadEntry: (entry: ReadEntry) => {
        const chunks: Buffer[] = []
        entry.on('data', (c: Buffer) => chunks.push(c))
        entry.on('end', () => {
          const { path, type, mode, uid, gid, uname, mtime, linkpath } = entry
          out.push({ path, type, mode, uid, gid, uname, mtime, linkpath, body: Buffer.concat(chunks) })
        })
      },
    })
    parser.on('warn', (code: string, message: string) => reject(new Error(`${code}: ${message}`)))
    parser.on('error', reject)
    parser.on('end', () => resolve(out))
    parser.end(tar)
  })
}
