/** The browser calls the reporter uses, injectable so the throttling can be tested without a DOM. */
export interface HeightReporterEnv {
  /** Calls `onResize` whenever `element` changes size (and once at the start); returns a disconnect. */
  observe: (element: Element, onResize: () => void) => () => void
  requestFrame: (callback: () => void) => number
  cancelFrame: (handle: number) => void
}

export const browserHeightReporterEnv: HeightReporterEnv = {
  observe: (element, onResize) => {
    const observer = new ResizeObserver(onResize)
    observer.observe(element)
    return () => observer.disconnect()
  },
  requestFrame: (callback) => window.requestAnimationFrame(callback),
  cancelFrame: (handle) => window.cancelAnimationFrame(handle),
}

/**
 * Reports `element`'s height, rounded up to whole pixels, whenever it changes: at most
 * once per animation frame however many resizes happen in between, and never the same
 * height twice in a row. Returns a function that stops reporting.
 *
 * @example
 * const stop = startHeightReporter(content, (height) => window.parent.postMessage(sizeMessage(height), parentOrigin))
 */
export function startHeightReporter(element: Element, onHeight: (height: number) => void, env: HeightReporterEnv = browserHeightReporterEnv): () => void {
  let pending: number | null = null
  let last: number | null = null
  const report = () => {
    pending = null
    const height = Math.ceil(element.getBoundingClientRect().height)
    if (height === last) return
    last = height
    onHeight(height)
  }
  const disconnect = env.observe(element, () => {
    if (pending === null) pending = env.requestFrame(report)
  })
  return () => {
    disconnect()
    if (pending !== null) env.cancelFrame(pending)
    pending = null
  }
}
