import type { MaliciousItem } from '@contract/scans'
import { CopyButton } from '@/components/ui/copy-button'
import { dataTableColumnHelper } from '@/components/ui/data-table-features'
import { formatBytes } from '@/lib/format'
import { LevelBadge } from './level-badge'

const col = dataTableColumnHelper<MaliciousItem>()

export const maliciousRowId = (m: MaliciousItem) => `${m.sha256}|${m.filePath}|${m.layerIndex}`

/** Columns of the malicious files table (the server orders serious first). */
export const maliciousColumns = col.columns([
  col.accessor('level', {
    meta: { label: 'Level' },
    cell: (c) => <LevelBadge level={c.getValue()} />,
  }),
  col.accessor('maliciousName', {
    meta: { label: 'Detection' },
    cell: (c) => {
      const m = c.row.original
      return (
        <span className="flex flex-col">
          <span className="font-medium">{m.maliciousName}</span>
          <span className="text-xs text-fg-muted">
            {m.type} · {m.engine} · <code>{m.signature}</code>
          </span>
        </span>
      )
    },
  }),
  col.accessor('filePath', {
    meta: { label: 'File', className: 'max-w-96' },
    cell: (c) => {
      const m = c.row.original
      return (
        <span className="flex min-w-0 flex-col">
          <code className="text-xs break-all">{m.filePath}</code>
          {m.evidence ? <span className="truncate text-xs text-fg-muted" title={m.evidence}>Matched: {m.evidence}</span> : null}
        </span>
      )
    },
  }),
  col.accessor('layerIndex', {
    meta: { label: 'Layer', className: 'whitespace-nowrap' },
    cell: (c) => {
      const m = c.row.original
      return (
        <span title={m.layerDigest}>
          {m.layerIndex}
          {m.deletedInLayer !== null ? <span className="block text-xs text-fg-muted">deleted in {m.deletedInLayer}, still shipped</span> : null}
        </span>
      )
    },
  }),
  col.accessor('size', {
    meta: { label: 'Size', align: 'end', className: 'whitespace-nowrap' },
    cell: (c) => formatBytes(c.getValue()),
  }),
  col.accessor('sha256', {
    meta: { label: 'Hashes', className: 'whitespace-nowrap' },
    cell: (c) => {
      const m = c.row.original
      return (
        <span className="flex flex-col text-xs">
          <span className="inline-flex items-center">
            <code title={m.sha256}>sha256 {m.sha256.slice(0, 12)}</code>
            <CopyButton value={m.sha256} label={`Copy SHA-256 of ${m.filePath}`} />
          </span>
          <span className="inline-flex items-center">
            <code title={m.maliciousMd5}>md5 {m.maliciousMd5.slice(0, 12)}</code>
            <CopyButton value={m.maliciousMd5} label={`Copy MD5 of ${m.filePath}`} />
          </span>
        </span>
      )
    },
  }),
])
