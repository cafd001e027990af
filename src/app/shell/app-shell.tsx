import { useState, type MouseEvent } from 'react'
import { Outlet, ScrollRestoration, useSearchParams } from 'react-router'
import { Toaster } from '@/components/ui/toaster'
import { AppBreadcrumbs } from './app-breadcrumbs'
import { AppHeader } from './app-header'

const MAIN_ID = 'main-content'

function skipToContent(event: MouseEvent<HTMLAnchorElement>) {
  event.preventDefault()
  document.getElementById(MAIN_ID)?.focus()
}

/**
 * Whether the page is embedded in a portal (`?embed=1`). Once on, it stays on for this
 * page's life, so links inside the frame (which do not carry the flag) keep the chrome off.
 */
function useEmbedded(): boolean {
  const [params] = useSearchParams()
  const [startedEmbedded] = useState(() => new URLSearchParams(window.location.search).get('embed') === '1')
  return startedEmbedded || params.get('embed') === '1'
}

/** Header, navigation and breadcrumbs around every page, or just the page when embedded. */
export function AppShell() {
  const embedded = useEmbedded()
  return (
    <div className="flex min-h-screen flex-col">
      {embedded ? null : (
        <>
          <a
            href={`#${MAIN_ID}`}
            onClick={skipToContent}
            className="sr-only z-50 rounded-md bg-accent px-3 py-2 text-sm font-medium text-accent-fg focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
          >
            Skip to content
          </a>
          <AppHeader />
        </>
      )}
      <main id={MAIN_ID} tabIndex={-1} className="flex w-full flex-1 flex-col gap-4 px-4 py-4 outline-none lg:px-6">
        {embedded ? null : <AppBreadcrumbs />}
        <Outlet />
      </main>
      <Toaster />
      <ScrollRestoration />
    </div>
  )
}
