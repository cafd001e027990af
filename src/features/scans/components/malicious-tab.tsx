import { maliciousLevel } from '@contract/findings'
import { useUrlState } from '@/hooks/use-url-state'
import { useMalicious } from '../api/list-malicious'
import { maliciousUrlSchema } from '../lib/report-url-state'
import { maliciousTypeLabel } from '../lib/level-charts'
import { LevelChartCard } from './level-charts/level-chart-card'
import { LevelFindingsTable, type LevelFindingsTexts } from './level-findings-table'
import { maliciousColumns, maliciousRowId } from './malicious-columns'

export interface MaliciousTabProps {
  scanTaskId: string
}

const levelLabel = { serious: 'Serious', suspicious: 'Suspicious', remind: 'Remind' } as const
const levels = maliciousLevel.options.map((l) => ({ value: l, label: levelLabel[l] }))
const parseLevel = (value: string) => maliciousLevel.safeParse(value).data

const texts: LevelFindingsTexts = {
  caption: 'Malicious files',
  itemLabel: 'malicious files',
  errorTitle: 'Could not load malicious files',
  notChecked: {
    title: 'Malicious files not searched',
    description: 'This scan looked for vulnerabilities only (ACR_SCAN_SERVICE). Scan the tag with baseline and malicious files to search it.',
  },
  empty: { title: 'No malicious files', description: 'No file in any layer matched a malware hash or signature.' },
  filteredEmpty: { title: 'No malicious files match', description: 'No file of this level and type.' },
}

/** The malicious files a scan found, with the level filter and page in the URL. */
export function MaliciousTab({ scanTaskId }: MaliciousTabProps) {
  const { state, setState, reset, isFiltered } = useUrlState(maliciousUrlSchema)
  const query = useMalicious({ ...state, scanTaskId })
  return (
    <LevelFindingsTable
      texts={texts}
      levels={levels}
      parseLevel={parseLevel}
      columns={maliciousColumns}
      getRowId={maliciousRowId}
      query={query}
      state={state}
      setState={setState}
      reset={reset}
      isFiltered={isFiltered}
      chart={<LevelChartCard scanTaskId={scanTaskId} kind="malicious" />}
      chartFilter={state.type ? { label: `Type: ${maliciousTypeLabel[state.type]}`, onClear: () => setState({ type: undefined }) } : undefined}
    />
  )
}
