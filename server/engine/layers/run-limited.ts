/**
 * Runs `task` over `items` with at most `limit` running at once. On the first failure
 * no new task starts, `onFailure` is called (to abort the running ones), and once they
 * have settled the first error is thrown: errors the abort itself caused are not it.
 *
 * @example
 * await runLimited(missingLayers, 2, (i) => readOne(i), () => controller.abort())
 */
export async function runLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>, onFailure?: () => void): Promise<void> {
  let next = 0
  let failed = false
  let firstError: unknown
  const worker = async () => {
    while (!failed && next < items.length) {
      const item = items[next++] as T
      try {
        await task(item)
      } catch (err) {
        if (!failed) {
          failed = true
          firstError = err
          onFailure?.()
        }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker))
  if (failed) throw firstError
}
