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
export function SignInPanel({
  title = 'Sign in to Layerscope',
  description,
  proxy,
  onSignedIn,
}: SignInPanelProps) {
  return (
    <section
      aria-labelledby="sign-in-title"
      className="border-line bg-surface mx-auto mt-8 flex w-full max-w-md flex-col gap-4 rounded-lg border p-6"
    >
      <div>
        <h1 id="sign-in-title" className="text-fg text-xl font-semibold">
          {title}
        </h1>
        <p className="text-fg-muted mt-1 text-sm">
          {description ?? 'This page needs sign-in. You will come back to it afterwards.'}
        </p>
      </div>
      <SignInForm {...(onSignedIn ? { onSignedIn: () => onSignedIn() } : {})} />
      {proxy ? (
        <p className="text-fg-muted text-xs">
          Your organisation also signs people in through its portal: opening Layerscope from there signs you
          in.
        </p>
      ) : null}
    </section>
  )
}
