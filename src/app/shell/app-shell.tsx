import type { MouseEvent } from 'react'
import { Outlet, ScrollRestoration } from 'react-router'
import { Toaster } from '@/components/ui/toaster'
import { useEmbed } from '../embed/embed-context'
import { EmbedFrame } from '../embed/embed-frame'
import { AppHeader } from './app-header'

const MAIN_ID = 'main-content'

function skipToContent(event: MouseEvent<HTMLAnchorElement>) {
  event.preventDefault()
  document.getElementById(MAIN_ID)?.focus()
}

/**
 * Header and navigation around every page (breadcrumbs: gated-layout.tsx), or just the page when embedded
 * (`?embed=1` or `/embed/…`, src/app/embed/). An embedded page is only as tall as its
 * content, not the viewport, so the portal can size its frame to fit.
 */
export function AppShell() {
  const embed = useEmbed()
  const page = (
    <>
      <main
        id={MAIN_ID}
        tabIndex={-1}
        className="flex w-full flex-1 flex-col gap-4 px-4 py-4 outline-none lg:px-6"
      >
        <Outlet />
      </main>
      <Toaster />
      <ScrollRestoration />
    </>
  )
  if (embed) {
    return (
      <EmbedFrame config={embed} className="flex flex-col">
        {page}
      </EmbedFrame>
    )
  }
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href={`#${MAIN_ID}`}
        onClick={skipToContent}
        className="bg-accent text-accent-fg sr-only z-50 rounded-md px-3 py-2 text-sm font-medium focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <AppHeader />
      {page}
    </div>
  )
}
