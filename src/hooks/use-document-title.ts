import { useEffect } from 'react'

export const APP_NAME = 'Layerscope'

/**
 * Sets the tab title to "<parts> · Layerscope" while the page is shown; undefined parts
 * (data not loaded yet) are skipped.
 *
 * @example
 * useDocumentTitle(repository?.fullName, instance?.instanceName) // "team/app · demo · Layerscope"
 */
export function useDocumentTitle(...parts: Array<string | undefined | null>): void {
  const title = [...parts.filter((p): p is string => Boolean(p)), APP_NAME].join(' · ')
  useEffect(() => {
    document.title = title
  }, [title])
}
