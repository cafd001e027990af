import { useMemo } from 'react'
import { Select, type SelectOption } from '@/components/ui/select'
import { useNamespaces } from '../api/list-namespaces'
import { NAMESPACE_PAGE_SIZE } from '../lib/repository-url-state'

export interface NamespaceFilterProps {
  instanceId: string
  value: string | undefined
  onChange: (namespace: string | undefined) => void
}

/** Narrows the repositories to one namespace; the choice lives in the URL (`repoNamespaceName`). */
export function NamespaceFilter({ instanceId, value, onChange }: NamespaceFilterProps) {
  const { data, isPending, isError } = useNamespaces({ instanceId, pageSize: NAMESPACE_PAGE_SIZE })
  const options = useMemo<SelectOption[]>(() => {
    const list: SelectOption[] = [{ value: '', label: isPending ? 'All namespaces (loading…)' : 'All namespaces' }]
    for (const ns of data?.items ?? []) list.push({ value: ns.namespaceName, label: `${ns.namespaceName} (${ns.repoCount})` })
    if (value && !data?.items.some((ns) => ns.namespaceName === value)) list.push({ value, label: value })
    return list
  }, [data, isPending, value])
  const more = data && data.totalCount > data.items.length ? data.totalCount - data.items.length : 0
  return (
    <Select
      label="Namespace"
      hideLabel
      options={options}
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value || undefined)}
      hint={isError ? 'Namespaces could not be loaded; search still works.' : more ? `${more} more namespaces: use the search.` : undefined}
      fieldClassName="w-56"
    />
  )
}
