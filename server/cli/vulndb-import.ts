import { parseArgs } from 'node:util'
import { importOsv } from '../engine/advisories/import-osv'
import { loadCliEnv } from '../env'
import { openAdvisoryStore } from './advisory-store'
import { formatImportSummary } from './format-import-summary'

const HELP = `Usage: npm run vulndb:import -- <directory | file.json | file.zip | http(s)://…> [...]

Imports OSV advisories into the store the server and \`npm run scan\` read: a directory
tree of *.json records, one .json file (a record or an array of records), a .zip such
as OSV's per-ecosystem all.zip, or a URL to a zip or a JSON document. Importing again
is safe: a record replaces its stored copy only when its "modified" date is newer.

The database is the server's: DATABASE_URL, else PGlite in DATA_DIR/pg (default ./data).
Stop a server that uses the same PGlite data directory first.

Options:
  -h, --help   this text

Exit status: 0 when records were read, 1 when none could be, 2 on a usage error.
`

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { help: { type: 'boolean', short: 'h', default: false } } })
  if (values.help) {
    process.stdout.write(HELP)
    return 0
  }
  if (positionals.length === 0) {
    process.stderr.write(`Nothing to import.\n\n${HELP}`)
    return 2
  }
  const store = await openAdvisoryStore(loadCliEnv())
  try {
    const tty = process.stderr.isTTY
    const summary = await importOsv(store.db, positionals, {
      onProgress: ({ source, read }) => {
        if (tty) process.stderr.write(`\r${source}: ${read} records…`)
      },
    })
    if (tty) process.stderr.write('\r\x1b[K')
    process.stdout.write(formatImportSummary(summary))
    return summary.read > 0 ? 0 : 1
  } finally {
    await store.close()
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${err.message}\n`)
      process.exit(2)
    }
    process.stderr.write(`vulndb import failed: ${err instanceof Error ? err.message : String(err)}\n`)
    process.exit(1)
  },
)
