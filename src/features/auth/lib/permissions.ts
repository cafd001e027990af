import type { Session } from '@contract/auth'
import { roleLabel } from '@/hooks/use-permitted'

/** "Ada (Admin)", or what the app calls the person when sign-in is off. */
export function principalLabel(session: Session | undefined): string | null {
  const p = session?.principal
  if (!p) return null
  return p.via === 'loopback' ? 'Local operator' : `${p.name} (${roleLabel[p.role]})`
}
