import { useEffect, useState } from 'react'

/**
 * The value once it has stopped changing for `delayMs`, compared by content (JSON) so a
 * new object with the same fields does not restart the wait.
 *
 * @example
 * const settled = useDebouncedValue(previewInput, 300) // follows previewInput 300 ms after typing pauses
 */
export function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value)
  const key = JSON.stringify(value)
  const settledKey = JSON.stringify(settled)
  useEffect(() => {
    if (key === settledKey) return undefined
    const timer = window.setTimeout(() => setSettled(JSON.parse(key) as T), delayMs)
    return () => window.clearTimeout(timer)
  }, [key, settledKey, delayMs])
  return key === settledKey ? value : settled
}
