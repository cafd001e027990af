import type { FixPlanUpgrade, PackageManager } from '@contract/fix-plan'
import { isDotnetRuntime } from '../engine/match/component-query'

/**
 * What one upgrade asks of its package manager (`musl=1.2.4-r3`, `'Django==3.2.25'`), read
 * from the scan's own single-package command so the snippet installs exactly what the
 * table shows; built from name and version when the command has another form.
 */
export function upgradeSpec(u: Pick<FixPlanUpgrade, 'manager' | 'command' | 'name' | 'targetVersion'>): string {
  const tail = (re: RegExp) => re.exec(u.command)?.[1]
  switch (u.manager) {
    case 'apt':
      return tail(/--only-upgrade\s+(\S+)$/) ?? `${u.name}=${u.targetVersion}`
    case 'apk':
      return tail(/--upgrade\s+(\S+)$/) ?? `${u.name}=${u.targetVersion}`
    case 'dnf':
    case 'yum':
      return tail(/\s-y\s+(\S+)$/) ?? `${u.name}-${u.targetVersion}`
    case 'npm':
      return tail(/^npm install\s+(\S+)$/) ?? `${u.name}@${u.targetVersion}`
    case 'pip':
      return tail(/^pip install\s+(.+)$/) ?? `'${u.name}==${u.targetVersion}'`
    case 'gem':
      return tail(/^gem install\s+(.+)$/) ?? `${u.name} -v ${u.targetVersion}`
    case 'maven': {
      const m = /^update\s+(\S+)\s+to\s+(\S+)$/.exec(u.command)
      return m ? `${m[1]} ${m[2]}` : `${u.name} ${u.targetVersion}`
    }
    case 'go':
      return tail(/^go get\s+(\S+)$/) ?? u.command
    case 'dotnet': {
      const m = /^(?:dotnet add package\s+(\S+)\s+--version|move to \.NET runtime\s+(\S+))\s+(\S+)(?: or later)?$/.exec(u.command)
      if (m) return `${m[1] ?? m[2]} ${m[3]}`
      return `${u.name} ${u.targetVersion}`
    }
  }
}

/** npm installs into a project: the directory above `node_modules` in the package's location. */
function npmProject(location: string): string {
  const at = location.indexOf('node_modules/')
  const dir = at > 0 ? location.slice(0, at).replace(/\/+$/, '') : ''
  return dir.startsWith('/') ? dir || '/' : `/${dir}`
}

const RUN_ORDER: readonly PackageManager[] = ['apt', 'apk', 'dnf', 'yum', 'pip', 'npm', 'gem', 'maven', 'go', 'dotnet']
/** Managers whose fixes are made in the application's build, not by a command in the image. */
const REBUILT = { maven: 'Maven', go: 'Go', dotnet: '.NET (NuGet)' } as const
const unique = (xs: readonly string[]) => [...new Set(xs)]
const continued = (parts: readonly string[]) => parts.join(' \\\n    && ')

/**
 * The plan as Dockerfile lines to paste after the image's last `FROM`: one `RUN` per
 * package manager (OS packages first, caches cleaned in the same layer), and comments for
 * Maven, Go and NuGet, whose fixes need the application rebuilt, not a command in the image.
 *
 * @example
 * dockerfileSnippet([{ manager: 'apk', command: 'apk add --upgrade musl=1.2.4-r3', … }])
 * // 'RUN apk add --no-cache --upgrade musl=1.2.4-r3'
 */
export function dockerfileSnippet(upgrades: readonly FixPlanUpgrade[]): string {
  const lines: string[] = []
  for (const manager of RUN_ORDER) {
    const mine = upgrades.filter((u) => u.manager === manager)
    if (mine.length === 0) continue
    const specs = unique(mine.map(upgradeSpec))
    switch (manager) {
      case 'apt':
        lines.push(`RUN ${continued(['apt-get update', `apt-get install -y --only-upgrade ${specs.join(' ')}`, 'rm -rf /var/lib/apt/lists/*'])}`)
        break
      case 'apk':
        lines.push(`RUN apk add --no-cache --upgrade ${specs.join(' ')}`)
        break
      case 'dnf':
      case 'yum':
        lines.push(`RUN ${continued([`${manager} upgrade -y ${specs.join(' ')}`, `${manager} clean all`])}`)
        break
      case 'pip':
        lines.push(`RUN pip install --no-cache-dir ${specs.join(' ')}`)
        break
      case 'npm': {
        const projects = unique(mine.map((u) => npmProject(u.location)))
        const steps = projects.map((dir) => `cd ${dir} && npm install ${unique(mine.filter((u) => npmProject(u.location) === dir).map(upgradeSpec)).join(' ')}`)
        lines.push(`RUN ${continued(steps)}`)
        break
      }
      case 'gem':
        lines.push(`RUN ${continued(specs.map((s) => `gem install ${s}`))}`)
        break
      case 'maven':
      case 'go':
        lines.push(`# ${REBUILT[manager]}: rebuild the application with ${specs.join(', ')}`)
        break
      case 'dotnet': {
        // The runtime is not a package of the application: it comes with the base image
        // (framework-dependent apps) or with the SDK that publishes a self-contained one.
        const runtime = unique(mine.filter((u) => isDotnetRuntime(u)).map(upgradeSpec))
        const packages = unique(mine.filter((u) => !isDotnetRuntime(u)).map(upgradeSpec))
        if (packages.length > 0) lines.push(`# ${REBUILT[manager]}: rebuild the application with ${packages.join(', ')}`)
        if (runtime.length > 0) lines.push(`# .NET runtime: use a base image with ${runtime.join(', ')} or later (or publish self-contained with an SDK that bundles it)`)
        break
      }
    }
  }
  return lines.join('\n')
}
