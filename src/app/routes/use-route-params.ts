import { useParams } from 'react-router'

/**
 * The path parameters a route cannot match without, as strings.
 *
 * @example
 * const { instanceId, repoId } = useRouteParams('instanceId', 'repoId')
 */
export function useRouteParams<K extends string>(...names: K[]): Record<K, string> {
  const params = useParams()
  const out = {} as Record<K, string>
  for (const name of names) {
    const value = params[name]
    if (value === undefined) throw new Error(`This route has no :${name} parameter.`)
    out[name] = value
  }
  return out
}
