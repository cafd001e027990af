import '@/app/zod-jitless'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { RouterProvider } from 'react-router'
import { EMBED_BASENAME } from '@/app/embed/embed-options'
import { startEmbedMode } from '@/app/embed/start-embed-mode'
import { AppProviders } from '@/app/providers'
import { createQueryClient } from '@/app/query-client'
import { createAppRouter } from '@/app/router'
import { initTheme } from '@/app/theme'
import './styles.css'

// Before the router reads the URL: `?embed=1` pages move under /embed.
const embed = startEmbedMode(window)
// Before the first render, so the page never paints in the wrong theme.
initTheme(embed?.options.theme ?? null)

const queryClient = createQueryClient()
const router = createAppRouter(embed ? { basename: EMBED_BASENAME } : {})
const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

createRoot(root).render(
  <StrictMode>
    <AppProviders queryClient={queryClient} embed={embed}>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
)
