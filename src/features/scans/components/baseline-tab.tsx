import { baselineLevel } from '@contract/findings'
import { useUrlState } from '@/hooks/use-url-state'
import { useBaseline } from '../api/list-baseline'
import { baselineUrlSchema } from '../lib/report-url-state'
import { baselineColumns, baselineRowId } from './baseline-columns'
import { LevelChartCard } from './level-charts/level-chart-card'
import { LevelFindingsTable, type LevelFindingsTexts } from './level-findings-table'

export interface BaselineTabProps {
  scanTaskId: string
}

const levels = baselineLevel.options.map((l) => ({ value: l, label: l }))
const parseLevel = (value: string) => baselineLevel.safeParse(value).data

const texts: LevelFindingsTexts = {
  caption: 'Baseline risks',
  itemLabel: 'baseline risks',
  errorTitle: 'Could not load baseline risks',
  notChecked: {
    title: 'Baseline not checked',
    description: 'This scan looked for vulnerabilities only (ACR_SCAN_SERVICE). Scan the tag with baseline and malicious files to check its configuration.',
  },
  empty: { title: 'No baseline risks', description: "The image's configuration and files passed every baseline check." },
  filteredEmpty: { title: 'No baseline risks match', description: 'No risk of this level and category.' },
}

/** The baseline (configuration) risks of a scan, with the level filter and page in the URL. */
export function BaselineTab({ scanTaskId }: BaselineTabProps) {
  const { state, setState, reset, isFiltered } = useUrlState(baselineUrlSchema)
  const query = useBaseline({ ...state, scanTaskId })
  return (
    <LevelFindingsTable
      texts={texts}
      levels={levels}
      parseLevel={parseLevel}
      columns={baselineColumns}
      getRowId={baselineRowId}
      query={query}
      state={state}
      setState={setState}
      reset={reset}
      isFiltered={isFiltered}
      chart={<LevelChartCard scanTaskId={scanTaskId} kind="baseline" />}
      chartFilter={state.category ? { label: `Category: ${state.category}`, onClear: () => setState({ category: undefined }) } : undefined}
    />
  )
}
