type QueryValue = string | number | boolean | bigint | null | undefined

/**
 * Serialises an operation's input for a GET request: unset and empty values are left out,
 * arrays become repeated keys (the server reads them with `getAll()`), and the result
 * starts with `?` unless it is empty.
 *
 * @example
 * toQueryString({ instanceId: 'cri-1', pageNo: 2, repoName: '', severity: ['HIGH', 'LOW'] })
 * // '?instanceId=cri-1&pageNo=2&severity=HIGH&severity=LOW'
 */
export function toQueryString(input: object | undefined): string {
  if (!input) return ''
  const params = new URLSearchParams()
  for (const [key, raw] of Object.entries(input) as Array<[string, unknown]>) {
    const values = Array.isArray(raw) ? (raw as unknown[]) : [raw]
    for (const value of values) {
      const text = stringify(value as QueryValue, key)
      if (text !== undefined) params.append(key, text)
    }
  }
  const text = params.toString()
  return text ? `?${text}` : ''
}

function stringify(value: QueryValue, key: string): string | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'string') return value.trim() === '' ? undefined : value
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value)
  throw new TypeError(`Query parameter ${key} cannot be sent in a query string (got ${typeof value}).`)
}
