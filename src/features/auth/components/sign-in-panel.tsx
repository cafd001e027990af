import type { ReactNode } from 'react'
import { SignInForm } from './sign-in-form'

export interface SignInPanelProps {
  title?: ReactNode
  description?: ReactNode
  /** Whether the trusted sign-in proxy is set up: people who came around it are told so. */
  proxy: boolean
  onSignedIn?: () => void
}

/** The sign-in card: shown at the URL that needed it, so signing in opens the same view. */
export function SignInPanel({ title = 'Sign in to Layerscope', description, proxy, onSignedIn }: SignInPanelProps) {
  return (
    <section aria-labelledby="sign-in-title" className="mx-auto mt-8 flex w-full max-w-md flex-col gap-4 rounded-lg border border-line bg-surface p-6">
      <div>
        <h1 id="sign-in-title" className="text-xl font-semibold text-fg">
          {title}
        </h1>
        <p className="mt-1 text-sm text-fg-muted">{description ?? 'This page needs sign-in. You will come back to it afterwards.'}</p>
      </div>
      <SignInForm {...(onSignedIn ? { onSignedIn: () => onSignedIn() } : {})} />
      {proxy ? <p className="text-xs text-fg-muted">Your organisation also signs people in through its portal: opening Layerscope from there signs you in.</p> : null}
    </section>
  )
}
