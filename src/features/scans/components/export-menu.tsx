import { useEffect, useId, useRef, useState } from 'react'
import { useSearchParams } from 'react-router'
import { Button } from '@/components/ui/button'
import { ChevronRightIcon } from '@/components/ui/icons'
import { hasActiveFilters } from '@/hooks/url-state'
import { cn } from '@/lib/cn'
import { exportUrl, vulnerabilityExportFilters } from '../lib/export-urls'
import { vulnerabilityUrlDefaults, vulnerabilityUrlSchema } from '../lib/report-url-state'

export interface ExportMenuProps {
  scanTaskId: string
  /** False for an SBOM scan: it has no vulnerabilities to export, only its SBOM. Default true. */
  vulnerabilities?: boolean
}

/**
 * The report's downloads: the vulnerabilities of the current view (filters and sort from
 * the URL, every page) as CSV or JSON, and the scan's CycloneDX SBOM and SARIF. A
 * disclosure of plain links: each is a file the browser saves, reachable by Tab, and Esc
 * or a click elsewhere closes the list.
 */
export function ExportMenu({ scanTaskId, vulnerabilities = true }: ExportMenuProps) {
  const [open, setOpen] = useState(false)
  const [params] = useSearchParams()
  const listId = useId()
  const root = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    if (!open) return undefined
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false)
    }
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return
      setOpen(false)
      button.current?.focus()
    }
    document.addEventListener('pointerdown', onPointer)
    document.addEventListener('keydown', onKey)
    return () => {
      document.removeEventListener('pointerdown', onPointer)
      document.removeEventListener('keydown', onKey)
    }
  }, [open])

  const filters = vulnerabilityExportFilters(params)
  const filtered = hasActiveFilters(vulnerabilityUrlSchema, filters, vulnerabilityUrlDefaults)
  const scope = filtered ? 'current filters' : 'all'
  const allLinks = [
    { href: exportUrl('exportRepoTagScanResult', { scanTaskId, format: 'csv', ...filters }), label: 'Vulnerabilities (CSV)', hint: scope },
    { href: exportUrl('exportRepoTagScanResult', { scanTaskId, format: 'json', ...filters }), label: 'Vulnerabilities (JSON)', hint: scope },
    { href: exportUrl('exportScanSbom', { scanTaskId }), label: 'SBOM (CycloneDX 1.6)', hint: 'packages' },
    { href: exportUrl('exportScanSbom', { scanTaskId, withVulnerabilities: true }), label: 'SBOM with vulnerabilities', hint: 'CycloneDX VDR' },
    { href: exportUrl('exportScanSarif', { scanTaskId }), label: 'SARIF 2.1.0', hint: 'code scanning' },
  ]
  const links = vulnerabilities ? allLinks : allLinks.filter((link) => link.label === 'SBOM (CycloneDX 1.6)')

  return (
    <div ref={root} className="relative" data-print-hidden>
      <Button ref={button} aria-expanded={open} aria-controls={listId} onClick={() => setOpen((v) => !v)}>
        Export
        <ChevronRightIcon className={cn('size-3.5 transition-transform', open ? '-rotate-90' : 'rotate-90')} />
      </Button>
      {open ? (
        <ul id={listId} aria-label="Downloads" className="absolute right-0 z-20 mt-1 w-72 rounded-md border border-line bg-surface p-1 shadow-lg">
          {links.map((link) => (
            <li key={link.href}>
              <a
                href={link.href}
                download
                onClick={() => setOpen(false)}
                className="flex items-baseline justify-between gap-3 rounded px-3 py-2 text-sm text-fg hover:bg-surface-muted focus-visible:bg-surface-muted"
              >
                {link.label}
                <span className="text-xs text-fg-muted">{link.hint}</span>
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
