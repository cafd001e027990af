import type { z } from 'zod'

/** The URL-state schemas are plain zod objects: the contract's list queries minus path ids. */
export type UrlStateSchema = z.ZodObject

type Values = Record<string, unknown>

/**
 * Some fields of a contract schema's shape, for a URL schema. Contract queries with a
 * cross-field refinement (the scan lists' "scanTaskId, or instanceId + repoId + tag")
 * cannot be `.pick()`ed in zod 4, but their shape can.
 *
 * @example
 * const urlSchema = z.object(pickShape(listRepoTagScanResultQuery.shape, ['severity', 'pageNo', 'pageSize']))
 */
export function pickShape<S extends Record<string, z.ZodType>, K extends keyof S & string>(shape: S, keys: readonly K[]): Pick<S, K> {
  const out = {} as Pick<S, K>
  for (const key of keys) out[key] = shape[key]
  return out
}

function shapeKeys(schema: UrlStateSchema): string[] {
  return Object.keys(schema.shape)
}

/** What the schema fills in for an empty query string, overlaid with the page's own defaults. */
export function urlStateDefaults<S extends UrlStateSchema>(schema: S, defaults: Partial<z.output<S>> = {}): z.output<S> {
  const base = schema.safeParse({})
  return { ...(base.success ? base.data : {}), ...defaults } as z.output<S>
}

/**
 * Reads the schema's keys from a query string. A key given more than once becomes an
 * array. A value the schema rejects (`?pageSize=1000`, `?sortBy=bogus`) is dropped so
 * that one bad key falls back to its default instead of breaking the whole page.
 *
 * @example
 * parseUrlState(listRepoTagUrlSchema, new URLSearchParams('tag=v1&pageSize=500'), { sortBy: 'pushTime' })
 * // { tag: 'v1', pageNo: 1, pageSize: 30, sortBy: 'pushTime' }
 */
export function parseUrlState<S extends UrlStateSchema>(
  schema: S,
  params: URLSearchParams,
  defaults: Partial<z.output<S>> = {},
): z.output<S> {
  const raw: Values = {}
  for (const key of shapeKeys(schema)) {
    const values = params.getAll(key)
    if (values.length === 1) raw[key] = values[0]
    else if (values.length > 1) raw[key] = values
  }
  for (let attempt = 0; attempt <= shapeKeys(schema).length; attempt += 1) {
    const result = schema.safeParse(raw)
    if (result.success) return withDefaults(result.data, defaults) as z.output<S>
    const bad = new Set(result.error.issues.map((issue) => String(issue.path[0] ?? '')))
    for (const key of bad) delete raw[key]
    if (bad.has('')) break
  }
  return urlStateDefaults(schema, defaults)
}

function withDefaults(values: Values, defaults: Values): Values {
  const out = { ...values }
  for (const [key, value] of Object.entries(defaults)) if (isUnset(out[key])) out[key] = value
  return out
}

function isUnset(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameValue(v, b[i]))
  return a === b
}

/**
 * Applies a change to URL state. Any change other than the page number itself (sort,
 * filters, page size) sends the user back to page 1, where the new result starts.
 *
 * @example
 * applyUrlStatePatch({ pageNo: 4, pageSize: 30, tag: '' }, { tag: 'v1' }) // { pageNo: 1, pageSize: 30, tag: 'v1' }
 * applyUrlStatePatch({ pageNo: 4, pageSize: 30 }, { pageNo: 5 }) // { pageNo: 5, pageSize: 30 }
 */
export function applyUrlStatePatch<T extends Values>(current: T, patch: Partial<T>): T {
  const changesResult = Object.entries(patch).some(([key, value]) => key !== 'pageNo' && !sameValue(current[key], value))
  const next = { ...current, ...patch }
  if (changesResult && 'pageNo' in next) (next as Values).pageNo = 1
  return next
}

/**
 * Writes URL state into a copy of the current query string: the schema's keys are
 * replaced, unset values and values equal to their default are left out (so a default
 * view has a clean URL), arrays become repeated keys, and keys the schema does not own
 * (`embed`, another panel's state) are kept.
 *
 * @example
 * serializeUrlState(schema, { pageNo: 1, pageSize: 50, tag: 'v1' }, new URLSearchParams('embed=1')).toString()
 * // 'embed=1&pageSize=50&tag=v1'
 */
export function serializeUrlState<S extends UrlStateSchema>(
  schema: S,
  state: Partial<z.output<S>>,
  base: URLSearchParams,
  defaults: Partial<z.output<S>> = {},
): URLSearchParams {
  const defaultValues = urlStateDefaults(schema, defaults) as Values
  const values = state as Values
  const next = new URLSearchParams(base)
  for (const key of shapeKeys(schema)) {
    next.delete(key)
    const value = values[key]
    if (isUnset(value) || sameValue(value, defaultValues[key])) continue
    for (const item of Array.isArray(value) ? (value as unknown[]) : [value]) {
      if (!isUnset(item)) next.append(key, String(item))
    }
  }
  return next
}

const NOT_FILTERS = new Set(['pageNo', 'pageSize', 'sortBy', 'sortOrder'])

/**
 * True when a key other than paging and sort differs from its default, i.e. the list
 * is narrowed by a search or filter (an empty result then means "nothing matches").
 *
 * @example
 * hasActiveFilters(repoSchema, { pageNo: 1, pageSize: 30, repoName: 'app' }) // true
 */
export function hasActiveFilters<S extends UrlStateSchema>(
  schema: S,
  state: Partial<z.output<S>>,
  defaults: Partial<z.output<S>> = {},
): boolean {
  const base = urlStateDefaults(schema, defaults) as Values
  return Object.entries(state as Values).some(
    ([key, value]) => !NOT_FILTERS.has(key) && !isUnset(value) && !sameValue(value, base[key]),
  )
}
