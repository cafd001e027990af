import { Link, NavLink, useMatch } from 'react-router'
import { LayersIcon } from '@/components/ui/icons'
import { Permitted } from '@/features/auth/components/permitted'
import { UserMenu } from '@/features/auth/components/user-menu'
import { cn } from '@/lib/cn'
import { ThemeToggle } from './theme-toggle'

const navLink = ({ isActive }: { isActive: boolean }) =>
  cn(
    'rounded-md px-2.5 py-1 text-sm font-medium text-fg-muted hover:bg-surface-muted hover:text-fg',
    isActive && 'bg-surface-muted text-fg',
  )

export function AppHeader() {
  // Scan tasks and rules belong to an instance: their links appear once one is open.
  const instanceId = useMatch('/instances/:instanceId/*')?.params.instanceId
  const onScans = Boolean(useMatch('/instances/:instanceId/scans/*'))
  const onRules = Boolean(useMatch('/instances/:instanceId/rules/*'))
  return (
    <header className="border-line bg-surface sticky top-0 z-30 border-b">
      {/* Wraps instead of overflowing: with every link an operator sees, one row needs ~1000 px. */}
      <div className="flex min-h-12 flex-wrap items-center gap-x-6 gap-y-1 px-4 py-1.5">
        <Link to="/instances" className="text-fg flex items-center gap-2 text-sm font-semibold">
          <LayersIcon className="text-accent size-5" />
          Layerscope
        </Link>
        <nav aria-label="Main">
          <ul className="flex flex-wrap items-center gap-1">
            <li>
              <NavLink
                to="/instances"
                className={({ isActive }) => navLink({ isActive: isActive && !onScans && !onRules })}
              >
                Instances
              </NavLink>
            </li>
            {instanceId ? (
              <li>
                <NavLink to={`/instances/${instanceId}/scans`} className={navLink}>
                  Scan tasks
                </NavLink>
              </li>
            ) : null}
            {instanceId ? (
              <li>
                <NavLink to={`/instances/${instanceId}/rules`} className={navLink}>
                  Scan rules
                </NavLink>
              </li>
            ) : null}
            <Permitted operation="listVulnException">
              <li>
                <NavLink to="/exceptions" className={navLink}>
                  Exceptions
                </NavLink>
              </li>
            </Permitted>
            <Permitted operation="listApiToken">
              <li>
                <NavLink to="/admin/tokens" className={navLink}>
                  Tokens
                </NavLink>
              </li>
            </Permitted>
            <Permitted operation="listAuditEvent">
              <li>
                <NavLink to="/audit" className={navLink}>
                  Audit log
                </NavLink>
              </li>
            </Permitted>
          </ul>
        </nav>
        <div className="ml-auto flex items-center gap-3">
          <a href="/api/docs" className="text-fg-muted hover:text-fg text-sm hover:underline">
            API docs
          </a>
          <ThemeToggle />
          <UserMenu />
        </div>
      </div>
    </header>
  )
}
