import { Outlet } from 'react-router'
import { SessionGate } from '@/features/auth/components/session-gate'
import { useEmbed } from '../embed/embed-context'
import { AppBreadcrumbs } from './app-breadcrumbs'

/**
 * Every page but sign-in, with its breadcrumbs, inside the session gate. The crumbs load
 * what they name (an instance, a repository): inside the gate they mount with the page,
 * after the session is known, so a signed-out visit sends no query that can only fail,
 * and a failing query is sent once, shared by the crumb and the page (one request id).
 */
export function GatedLayout() {
  const embed = useEmbed()
  return (
    <SessionGate>
      {/* An embedded page has no breadcrumbs: the portal around it is the navigation. */}
      {embed ? null : <AppBreadcrumbs />}
      <Outlet />
    </SessionGate>
  )
}
