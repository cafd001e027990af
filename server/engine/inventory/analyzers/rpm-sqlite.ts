import initSqlJs, { type SqlJsStatic } from 'sql.js'

/** sql.js compiles its WASM once per process; every rpmdb after the first reuses it. */
let sqlJs: Promise<SqlJsStatic> | undefined
const loadSqlJs = (): Promise<SqlJsStatic> => (sqlJs ??= initSqlJs())

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1')

export const isSqlite = (bytes: Buffer): boolean => bytes.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)

/**
 * The header blobs of an rpmdb.sqlite (`Packages(hnum, blob)`), read from the bytes in
 * memory: nothing is written to disk and no native module is needed. Throws when the file
 * is not a database or has no Packages table.
 */
export async function readRpmdbSqliteBlobs(bytes: Buffer): Promise<{ hnum: number; blob: Uint8Array }[]> {
  const SQL = await loadSqlJs()
  const db = new SQL.Database(bytes)
  try {
    const [result] = db.exec('SELECT hnum, blob FROM Packages ORDER BY hnum')
    return (result?.values ?? []).flatMap(([hnum, blob]) => (typeof hnum === 'number' && blob instanceof Uint8Array ? [{ hnum, blob }] : []))
  } finally {
    db.close()
  }
}
