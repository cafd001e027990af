import { z } from 'zod'
import { pageOf, pageQuery, repoId } from './common'
import { createScanRuleBody } from './scan-rules'

/**
 * previewScanRule (an extension): which indexed tags a rule's fields match right now,
 * before (or without) saving it. The fields are createScanRule's own schemas, and the
 * scope rules are createScanRule's too, so a preview and a save never disagree about
 * what is valid.
 */

const ext = (description: string) => ({ description: `Extension (not in ACR): ${description}` })
const rule = createScanRuleBody.shape

/**
 * A query string carries a list as repeated keys (an array) or one key (a string). The
 * rule's own list schema reads a lone string as a JSON array (ACR's wire form), so a
 * lone plain name is wrapped first: `?namespaces=demo` means `["demo"]`.
 */
const queryNameList = <T extends z.ZodType>(list: T) =>
  z.preprocess((v) => (typeof v === 'string' && !v.trim().startsWith('[') ? [v] : v), list)

export const previewScanRuleQuery = pageQuery
  .extend({
    instanceId: rule.instanceId,
    scanScope: rule.scanScope,
    namespaces: queryNameList(rule.namespaces),
    repoNames: queryNameList(rule.repoNames),
    repoTagFilterPattern: rule.repoTagFilterPattern,
    pageSize: pageQuery.shape.pageSize.default(20),
  })
  .superRefine((v, ctx) => {
    // The scope rules live once, in createScanRuleBody; its other fields get fixed valid values here.
    const checked = createScanRuleBody.safeParse({ ...v, ruleName: 'preview', triggerType: 'MANUAL' })
    if (checked.success) return
    for (const issue of checked.error.issues) {
      if (issue.path[0] === 'namespaces' || issue.path[0] === 'repoNames') ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message })
    }
  })
  .meta({ id: 'PreviewScanRuleRequest' })
export type PreviewScanRuleQuery = z.output<typeof previewScanRuleQuery>

export const scanRulePreviewTag = z
  .object({
    repoId,
    repoNamespaceName: z.string(),
    repoName: z.string(),
    /** The path the registry knows the repository by. */
    fullName: z.string(),
    tag: z.string(),
    digest: z.string(),
  })
  .meta({ id: 'ScanRulePreviewTag' })
export type ScanRulePreviewTag = z.infer<typeof scanRulePreviewTag>

export const scanRulePreview = pageOf(scanRulePreviewTag)
  .extend({
    matchedTagCount: z.number().int().min(0).meta({ description: 'Indexed tags the rule matches (= totalCount).' }),
    matchedRepoCount: z.number().int().min(0).meta({ description: 'Repositories with at least one matched tag.' }),
    scopeTagCount: z.number().int().min(0).meta({ description: 'Indexed tags in the rule’s scope, before its tag pattern is applied.' }),
    scopeRepoCount: z.number().int().min(0).meta({ description: 'Indexed repositories in the rule’s scope.' }),
    unknownNamespaces: z.array(z.string()).meta({ description: 'Namespaces the rule names that the index does not have (yet).' }),
    unknownRepos: z.array(z.string()).meta({ description: 'REPO scope: repoNames not in the namespace in the index (yet).' }),
  })
  .meta({
    id: 'ScanRulePreview',
    ...ext('The tags a rule matches now, by repository path then tag name, paged; items are the page’s tags.'),
  })
export type ScanRulePreview = z.infer<typeof scanRulePreview>
