import { queryOptions, useQuery } from '@tanstack/react-query'
import { callOperation } from '@/api/client'
import { scanRuleKeys } from './keys'

/** Suggestions list at most this many names; the inputs accept any name. */
const LIMIT = 100

/**
 * Names from the index to suggest in a rule's selectors: the instance's namespaces, or
 * the repositories of one namespace. Free text stays allowed (a rule may name what is
 * not pushed yet), so these are hints only.
 */
export function selectorSuggestionsOptions(instanceId: string, namespace: string | null) {
  return queryOptions({
    queryKey: scanRuleKeys.suggestions(instanceId, namespace),
    queryFn: async ({ signal }): Promise<string[]> => {
      if (namespace === null) {
        const page = await callOperation('listNamespace', { instanceId, pageSize: LIMIT }, { signal })
        return page.items.map((n) => n.namespaceName)
      }
      const page = await callOperation('listRepository', { instanceId, repoNamespaceName: namespace, pageSize: LIMIT }, { signal })
      return page.items.map((r) => r.repoName)
    },
    staleTime: 60_000,
  })
}

/** Namespace names (namespace null) or the repository names of a namespace; nothing for a blank namespace. */
export function useSelectorSuggestions(instanceId: string, namespace: string | null) {
  return useQuery({ ...selectorSuggestionsOptions(instanceId, namespace), enabled: namespace !== '' })
}
