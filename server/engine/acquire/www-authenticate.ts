/** One challenge of a `WWW-Authenticate` header: scheme lower-cased, parameter names too. */
export interface Challenge {
  scheme: string
  params: Record<string, string>
}

const TOKEN = /[!#$%&'*+.^_`|~0-9A-Za-z-]+/y
const SPACE = /[ \t]*/y

/**
 * Parses a `WWW-Authenticate` header per RFC 7235: several challenges, quoted
 * strings with backslash escapes, commas inside quotes. The npm parsers for this are
 * unmaintained, and the grammar is small.
 *
 * @example
 * parseChallenges('Bearer realm="https://auth.example.com/token",service="registry",scope="repository:a/b:pull"')
 * // [{ scheme: 'bearer', params: { realm: 'https://auth.example.com/token', service: 'registry', scope: 'repository:a/b:pull' } }]
 */
export function parseChallenges(header: string | null | undefined): Challenge[] {
  if (!header) return []
  const s = header.slice(0, 16 * 1024)
  const out: Challenge[] = []
  let i = 0
  const match = (re: RegExp): string | undefined => {
    re.lastIndex = i
    const m = re.exec(s)
    if (!m) return undefined
    i = re.lastIndex
    return m[0]
  }
  const skipSeparators = () => {
    while (i < s.length && (s[i] === ',' || s[i] === ' ' || s[i] === '\t')) i++
  }
  for (;;) {
    skipSeparators()
    const scheme = match(TOKEN)
    if (!scheme) break
    const challenge: Challenge = { scheme: scheme.toLowerCase(), params: {} }
    out.push(challenge)
    for (;;) {
      match(SPACE)
      const start = i
      const name = match(TOKEN)
      if (!name) break
      match(SPACE)
      if (s[i] !== '=') {
        // A token without "=" starts the next challenge.
        i = start
        break
      }
      i++
      match(SPACE)
      challenge.params[name.toLowerCase()] = s[i] === '"' ? readQuoted() : (match(TOKEN) ?? '')
      match(SPACE)
      if (s[i] === ',') i++
      else break
    }
  }
  return out

  function readQuoted(): string {
    let value = ''
    i++ // opening quote
    while (i < s.length && s[i] !== '"') {
      if (s[i] === '\\' && i + 1 < s.length) i++
      value += s[i]
      i++
    }
    i++ // closing quote
    return value
  }
}
