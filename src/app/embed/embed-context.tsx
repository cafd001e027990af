import { createContext, useContext, type ReactNode } from 'react'
import type { EmbedOptions } from './embed-options'

/** An embedded page's settings: what the URL asked for, and which parents it may talk to. */
export interface EmbedConfig {
  options: EmbedOptions
  /** frame-ancestors sources from the server (`'self'`, origins, `https://*.` patterns); empty: none. */
  allowedOrigins: string[]
}

const EmbedContext = createContext<EmbedConfig | null>(null)

export interface EmbedProviderProps {
  config: EmbedConfig | null
  children: ReactNode
}

export function EmbedProvider({ config, children }: EmbedProviderProps) {
  return <EmbedContext.Provider value={config}>{children}</EmbedContext.Provider>
}

/**
 * The embedding settings of this page, or null when it is not embedded.
 *
 * @example
 * const embed = useEmbed()
 * if (embed) return <Content /> // no header or breadcrumbs in a portal's frame
 */
export function useEmbed(): EmbedConfig | null {
  return useContext(EmbedContext)
}
