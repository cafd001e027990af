import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseOsvRecord, type OsvRecord } from '../osv-record'

/** The repository's copy of the real OSV records (fixtures/osv, see its README). */
export const OSV_FIXTURES_DIR = fileURLToPath(new URL('../../../../fixtures/osv', import.meta.url))

/** Every fixture record, validated; throws if one no longer parses (the fixtures are real data). */
export function loadOsvFixtures(): OsvRecord[] {
  const files = fs.readdirSync(OSV_FIXTURES_DIR, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json')).sort()
  return files.map((f) => {
    const parsed = parseOsvRecord(JSON.parse(fs.readFileSync(path.join(OSV_FIXTURES_DIR, f), 'utf8')))
    if (!parsed.ok) throw new Error(`fixtures/osv/${f}: ${parsed.reason}`)
    return parsed.record
  })
}

/** One fixture record by id. */
export function osvFixture(id: string): OsvRecord {
  const record = loadOsvFixtures().find((r) => r.id === id)
  if (!record) throw new Error(`No fixture record ${id}`)
  return record
}
