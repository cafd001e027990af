import { listScanRuleQuery } from '@contract/scan-rules'

/** The rules page's URL state: the list operation's query minus the instance in the path. */
export const scanRuleUrlSchema = listScanRuleQuery.omit({ instanceId: true })
