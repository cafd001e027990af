import { useEffect, useRef, type ReactNode } from 'react'
import type { EmbedConfig } from './embed-context'
import { sizeMessage } from './embed-protocol'
import { startHeightReporter } from './height-reporter'
import { linkAction } from './link-behaviour'
import { allowedParentOrigin } from './parent-origin'

export interface EmbedFrameProps {
  config: EmbedConfig
  className?: string
  children: ReactNode
}

function isPlainClick(event: MouseEvent): boolean {
  return !event.defaultPrevented && event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey
}

/**
 * The content of an embedded page. It tells an allowed parent its height as it changes
 * (the portal script sizes the iframe to fit, so the frame never scrolls inside the
 * portal) and sends links where `?links=` says.
 */
export function EmbedFrame({ config, className, children }: EmbedFrameProps) {
  const ref = useRef<HTMLDivElement>(null)
  const { allowedOrigins } = config
  const { links } = config.options

  useEffect(() => {
    const element = ref.current
    const parentOrigin = allowedParentOrigin(window, allowedOrigins)
    // A parent that is not allowed (or unknown) learns nothing, not even the height.
    if (!element || !parentOrigin) return undefined
    return startHeightReporter(element, (height) => window.parent.postMessage(sizeMessage(height), parentOrigin))
  }, [allowedOrigins])

  useEffect(() => {
    const element = ref.current
    if (!element) return undefined
    // Capture phase on this element runs before React Router's link handler (which
    // listens at the root, in the bubble phase), so stopping here keeps it from navigating.
    const onClick = (event: MouseEvent) => {
      if (!isPlainClick(event) || !(event.target instanceof Element)) return
      const anchor = event.target.closest('a[href]')
      if (!(anchor instanceof HTMLAnchorElement) || anchor.hasAttribute('download')) return
      const action = linkAction(anchor.href, window.location.href, links)
      if (action.kind === 'default') return
      event.preventDefault()
      event.stopPropagation()
      window.open(action.url, '_blank', 'noopener')
    }
    element.addEventListener('click', onClick, { capture: true })
    return () => element.removeEventListener('click', onClick, { capture: true })
  }, [links])

  return (
    <div ref={ref} className={className}>
      {children}
    </div>
  )
}
