import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { EmbedProvider, type EmbedConfig } from './embed/embed-context'

export interface AppProvidersProps {
  queryClient: QueryClient
  /** Set when the page is embedded in a portal (src/app/embed/start-embed-mode.ts). */
  embed?: EmbedConfig | null
  children: ReactNode
}

export function AppProviders({ queryClient, embed = null, children }: AppProvidersProps) {
  return (
    <QueryClientProvider client={queryClient}>
      <EmbedProvider config={embed}>{children}</EmbedProvider>
    </QueryClientProvider>
  )
}
