import type { RowData } from '@tanstack/react-table'
import { renderToStaticMarkup } from 'react-dom/server'
import { MemoryRouter } from 'react-router'
import { describe, expect, it } from 'vitest'
import type { BaselineItem, MaliciousItem } from '@contract/scans'
import { DataTable } from '@/components/ui/data-table'
import type { DataTableColumnDef } from '@/components/ui/data-table-features'
import { baselineColumns, baselineRowId } from './baseline-columns'
import { maliciousColumns, maliciousRowId } from './malicious-columns'

/**
 * The baseline and malicious-file tables render contract items (the demo scans have
 * none yet, so the e2e journeys only see their empty states).
 */
function render<T extends RowData>(caption: string, columns: DataTableColumnDef<T>[], rows: T[], getRowId: (row: T, index: number) => string): string {
  return renderToStaticMarkup(
    <MemoryRouter>
      <DataTable
        caption={caption}
        itemLabel="rows"
        columns={columns}
        uiState={{ type: 'data', rows, isFetching: false }}
        getRowId={getRowId}
        totalCount={rows.length}
        pageNo={1}
        pageSize={30}
        onPageChange={() => undefined}
        onPageSizeChange={() => undefined}
        onRetry={() => undefined}
        emptyState={null}
        filteredEmptyState={null}
      />
    </MemoryRouter>,
  )
}

const times = { firstScanTime: 1, createTime: 1, updateTime: 1 }

describe('baseline table', () => {
  it('shows level, check, category, evidence, path, layer and advice', () => {
    const item: BaselineItem = {
      scanTaskId: 't',
      baselineNameKey: 'ak_leak',
      baselineClassAlias: 'Secrets',
      baselineNameAlias: 'Access key in a file',
      baselineNameLevel: 'high',
      baselineItemCount: 2,
      highRiskItemCount: 2,
      middleRiskItemCount: 0,
      lowRiskItemCount: 0,
      baselineDetailDescription: 'A cloud access key is stored in the image.',
      baselineDetailPrompt: 'LTAI****************',
      baselineDetailAdvice: 'Remove the key and rotate it.',
      layerIndex: 3,
      layerDigest: 'sha256:abc',
      path: 'app/.env',
      ...times,
    }
    const html = render('Baseline risks', baselineColumns, [item, { ...item, path: null, layerIndex: null }], baselineRowId)
    for (const text of ['High', 'Access key in a file', 'ak_leak', 'Secrets', 'LTAI****************', 'app/.env', 'Remove the key and rotate it.']) expect(html).toContain(text)
    expect(html.match(/<tr/g)).toHaveLength(3)
  })
})

describe('malicious files table', () => {
  it('shows level, detection, file, layer (and a later deletion), size and hashes', () => {
    const item: MaliciousItem = {
      scanTaskId: 't',
      maliciousName: 'Eicar-Test-Signature',
      maliciousMd5: '44d88612fea8a8f36de82e1278abb02f',
      filePath: 'app/uploads/eicar.com',
      level: 'serious',
      sha256: '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f',
      type: 'test-file',
      signature: 'Eicar-Test-Signature',
      engine: 'hash',
      layerIndex: 6,
      layerDigest: 'sha256:def',
      deletedInLayer: 8,
      size: 68,
      evidence: null,
      ...times,
    }
    const html = render('Malicious files', maliciousColumns, [item], maliciousRowId)
    for (const text of ['Serious', 'Eicar-Test-Signature', 'test-file', 'app/uploads/eicar.com', 'deleted in 8, still shipped', '68 B', 'sha256 275a021bbfb6', 'md5 44d88612fea8']) expect(html).toContain(text)
  })
})
