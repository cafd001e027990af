import { runTokenCommand } from '../auth/token-command'
import { openDatabase } from '../db/database'
import { migrateToLatest } from '../db/migrate'
import { loadCliEnv } from '../env'

/** `npm run token -- create | list | revoke`: API tokens, against the server's database. */
async function main(argv: string[]): Promise<number> {
  const env = loadCliEnv()
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.dataDir, schema: env.DATABASE_SCHEMA })
  try {
    await migrateToLatest(database.db, { schema: env.DATABASE_SCHEMA })
    return await runTokenCommand(argv, database.db, {
      out: (text) => process.stdout.write(text),
      err: (text) => process.stderr.write(text),
      actor: `cli:${env.USER ?? 'unknown'}`,
    })
  } finally {
    await database.close()
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${err.message}\n`)
      process.exit(2)
    }
    process.stderr.write(`token command failed: ${err instanceof Error ? err.message : String(err)}\n`)
    process.exit(1)
  },
)
