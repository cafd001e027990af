import { useState, type FormEvent } from 'react'
import type { Session } from '@contract/auth'
import { isApiError } from '@/api/api-error'
import { Button } from '@/components/ui/button'
import { describeError } from '@/components/ui/error-state'
import { Input } from '@/components/ui/input'
import { useSignIn } from '../api/create-session'

export interface SignInFormProps {
  onSignedIn?: (session: Session) => void
}

/**
 * Sign-in with an API token. The field is a password field, so the token is not shown
 * on screen nor kept by the browser's form history; it goes to the server once, and only
 * the HttpOnly session cookie stays.
 */
export function SignInForm({ onSignedIn }: SignInFormProps) {
  const [token, setToken] = useState('')
  const signIn = useSignIn()
  const fieldErrors = isApiError(signIn.error) ? signIn.error.fieldErrors.token : undefined
  const otherError = signIn.error && !fieldErrors ? describeError(signIn.error) : null

  const submit = (event: FormEvent) => {
    event.preventDefault()
    signIn.mutate(token.trim(), {
      onSuccess: (session) => {
        setToken('')
        onSignedIn?.(session)
      },
    })
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
      <Input
        label="API token"
        type="password"
        name="token"
        autoComplete="off"
        spellCheck={false}
        required
        value={token}
        onChange={(e) => setToken(e.target.value)}
        errors={fieldErrors}
        hint="A token starting with lsk_, from an admin (Tokens page) or from npm run token -- create."
        data-autofocus
      />
      {otherError ? (
        <p
          role="alert"
          className="border-danger/40 bg-danger-soft text-danger rounded-md border px-3 py-2 text-sm"
        >
          {otherError.message} <span className="text-xs">({otherError.code})</span>
        </p>
      ) : null}
      <Button type="submit" variant="primary" disabled={signIn.isPending || token.trim() === ''}>
        {signIn.isPending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  )
}
