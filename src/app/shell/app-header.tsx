import { Link, NavLink, useMatch } from 'react-router'
import { LayersIcon } from '@/components/ui/icons'
import { cn } from '@/lib/cn'
import { ThemeToggle } from './theme-toggle'

const navLink = ({ isActive }: { isActive: boolean }) =>
  cn(
    'rounded-md px-2.5 py-1 text-sm font-medium text-fg-muted hover:bg-surface-muted hover:text-fg',
    isActive && 'bg-surface-muted text-fg',
  )

export function AppHeader() {
  // Scan tasks belong to an instance: the link appears once one is open.
  const instanceId = useMatch('/instances/:instanceId/*')?.params.instanceId
  const onScans = Boolean(useMatch('/instances/:instanceId/scans/*'))
  return (
    <header className="sticky top-0 z-30 border-b border-line bg-surface">
      <div className="flex h-12 items-center gap-6 px-4">
        <Link to="/instances" className="flex items-center gap-2 text-sm font-semibold text-fg">
          <LayersIcon className="size-5 text-accent" />
          Layerscope
        </Link>
        <nav aria-label="Main">
          <ul className="flex items-center gap-1">
            <li>
              <NavLink to="/instances" className={({ isActive }) => navLink({ isActive: isActive && !onScans })}>
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
          </ul>
        </nav>
        <div className="ml-auto flex items-center gap-3">
          <a href="/api/docs" className="text-sm text-fg-muted hover:text-fg hover:underline">
            API docs
          </a>
          <ThemeToggle />
        </div>
      </div>
    </header>
  )
}
