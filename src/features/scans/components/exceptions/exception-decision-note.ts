import type { Session } from '@contract/auth'

/**
 * Who decides a requested exception, in words for the request dialog and its toast. With
 * sign-in on, the four-eyes rule holds: someone else approves. With sign-in off, the one
 * local operator may approve their own request, and it is recorded as a self-approval
 * (docs/decisions/0007-exceptions-without-sign-in.md). While the session is still loading,
 * the stricter rule is shown, so the dialog never promises a self-approval the server refuses.
 *
 * @example
 * decisionNote('off') // 'It waits on the Exceptions page, where it can be approved (recorded as a self-approval).'
 */
export function decisionNote(authMode: Session['authMode'] | undefined): string {
  return authMode === 'off'
    ? 'It waits on the Exceptions page, where it can be approved (recorded as a self-approval).'
    : 'An approver, not you, decides it.'
}
