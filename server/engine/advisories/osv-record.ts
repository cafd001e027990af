import { z } from 'zod'

/**
 * The OSV record format (ossf/osv-schema, schema_version 1.x) as the advisory store keeps
 * it and the matcher reads it.
 *
 * Tolerant on purpose: sources write records their own way (PyPA's have no
 * `schema_version`, Ubuntu's write `"aliases": []`, some GHSA records `"severity": []`,
 * some exporters `null` for an absent list), and every object keeps the fields this
 * schema does not name (`ecosystem_specific`, `cves_map`, `credits`, …) because the
 * matcher and the UI read some of them. What is rejected is what would make matching
 * wrong or impossible: no id, no valid `modified`, a range type we cannot evaluate, an
 * event that is not exactly one of introduced/fixed/last_affected/limit.
 */

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$/

/**
 * Whether a string is an RFC 3339 timestamp whose fields are all in range. `Date.parse`
 * alone is not enough: it rolls `2023-02-31` over to March, where PostgreSQL refuses it,
 * and one refused row would fail a whole import batch.
 *
 * @example
 * isRfc3339Timestamp('0001-01-01T00:00:00Z') // true: Go's vulndb writes it
 * isRfc3339Timestamp('2023-02-31T00:00:00Z') // false
 */
export function isRfc3339Timestamp(s: string): boolean {
  const m = RFC3339.exec(s)
  if (!m) return false
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number]
  const daysInMonth = new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !isLeapYear(year) ? 1 : 0)
  const offsetOk = m[9] === undefined || (Number(m[9]) < 24 && Number(m[10]) < 60)
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour < 24 && minute < 60 && second < 61 && offsetOk
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
}

/** Says "is required" for an absent field instead of zod's "expected string, received undefined". */
const required = { error: (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : undefined) }

/** OSV timestamps are RFC 3339 in UTC; a date the database cannot order is useless. */
const timestamp = z.string(required).refine(isRfc3339Timestamp, 'expected an RFC 3339 timestamp such as 2023-10-11T11:34:51Z')

/**
 * Ids are database keys and appear in URLs (`osv.dev/vulnerability/<id>`). Real ones
 * include `RHSA-2023:1234`, `BIT-golang-2022-29526`, `openSUSE-SU-2024:0001-1`.
 */
const ID = /^[A-Za-z0-9][A-Za-z0-9._:+-]{0,199}$/
const osvId = z.string(required).regex(ID, 'expected an id of letters, digits and . _ : + - (at most 200 characters)')

/** Absent, `null` and `[]` all mean "none" in the wild. */
function list<T extends z.ZodType>(item: T) {
  return z
    .array(item)
    .nullish()
    .transform((v): z.output<T>[] => v ?? [])
}
// `.optional()` outside the transform keeps the key optional in the output type too.
const optionalText = z
  .string()
  .nullish()
  .transform((v) => v ?? undefined)
  .optional()
const jsonObject = z.record(z.string(), z.unknown())
const optionalObject = jsonObject
  .nullish()
  .transform((v) => v ?? undefined)
  .optional()

export const osvSeverity = z.looseObject({
  /** `CVSS_V2`, `CVSS_V3`, `CVSS_V4`, `Ubuntu`, … (open-ended: unknown types are kept and skipped). */
  type: z.string().min(1),
  score: z.string().min(1),
})
export type OsvSeverity = z.output<typeof osvSeverity>

const EVENT_KEYS = ['introduced', 'fixed', 'last_affected', 'limit'] as const

export const osvEvent = z
  .looseObject({
    introduced: z.string().min(1).optional(),
    fixed: z.string().min(1).optional(),
    last_affected: z.string().min(1).optional(),
    limit: z.string().min(1).optional(),
  })
  .refine((e) => EVENT_KEYS.filter((k) => e[k] !== undefined).length === 1, 'an event must have exactly one of introduced, fixed, last_affected, limit')
export type OsvEvent = z.output<typeof osvEvent>

export const osvRange = z.looseObject({
  type: z.enum(['SEMVER', 'ECOSYSTEM', 'GIT']),
  repo: z.string().optional(),
  events: z.array(osvEvent).min(1, 'a range needs at least one event'),
  database_specific: jsonObject.optional(),
})
export type OsvRange = z.output<typeof osvRange>

export const osvPackage = z.looseObject({
  ecosystem: z.string().min(1),
  name: z.string().min(1),
  purl: optionalText,
})

export const osvAffected = z.looseObject({
  /** Optional in the schema: a GIT-only entry names a repository instead. */
  package: osvPackage.optional(),
  severity: list(osvSeverity),
  ranges: list(osvRange),
  versions: list(z.string()),
  ecosystem_specific: optionalObject,
  database_specific: optionalObject,
})
export type OsvAffected = z.output<typeof osvAffected>

export const osvReference = z.looseObject({ type: z.string(), url: z.string() })

export const osvRecord = z
  .looseObject({
    schema_version: optionalText,
    id: osvId,
    modified: timestamp,
    published: timestamp
      .nullish()
      .transform((v) => v ?? undefined)
      .optional(),
    withdrawn: timestamp
      .nullish()
      .transform((v) => v ?? undefined)
      .optional(),
    aliases: list(z.string().min(1)),
    related: list(z.string().min(1)),
    upstream: list(z.string().min(1)),
    summary: optionalText,
    details: optionalText,
    severity: list(osvSeverity),
    affected: list(osvAffected),
    references: list(osvReference),
    database_specific: optionalObject,
  })
  .refine((r) => r.schema_version === undefined || /^1\./.test(r.schema_version), {
    message: 'unsupported schema_version (only 1.x is known)',
    path: ['schema_version'],
  })
export type OsvRecord = z.output<typeof osvRecord>

export type ParsedOsvRecord = { ok: true; record: OsvRecord } | { ok: false; reason: string }

/**
 * Validates one decoded JSON value as an OSV record. Never throws: a bad record is a
 * reason to report, not a reason to stop an import.
 *
 * @example
 * parseOsvRecord({ id: 'X-1' }) // { ok: false, reason: 'modified: …' }
 */
export function parseOsvRecord(value: unknown): ParsedOsvRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: 'not a JSON object' }
  }
  const parsed = osvRecord.safeParse(value)
  if (parsed.success) return { ok: true, record: parsed.data }
  const id = (value as { id?: unknown }).id
  const issues = parsed.error.issues.slice(0, 3).map((i) => `${formatPath(i.path)}: ${i.message}`)
  const more = parsed.error.issues.length > 3 ? ` (and ${parsed.error.issues.length - 3} more)` : ''
  return { ok: false, reason: `${typeof id === 'string' ? `${id}: ` : ''}${issues.join('; ')}${more}` }
}

/** `affected[0].ranges[1].type`, the way a person reading the JSON would point at it. */
function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(record)'
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('')
}
